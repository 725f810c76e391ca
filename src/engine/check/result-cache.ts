import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fingerprintDirectory } from "../../workspace/file-fingerprint.js";
import { readJsonCacheFile, writeJsonCacheFile } from "../../workspace/json-cache-file.js";

/** Bump when the shape of cache files or the meaning of their entries changes. */
const CACHE_FORMAT = 3;

/**
 * Results computed from files, reused while the files' fingerprint is unchanged. The key covers the caller's
 * own inputs (settings) and Specwright's code, so an upgraded or rebuilt Specwright starts afresh. Kept in
 * the user's cache folder (`SPECWRIGHT_CACHE_DIR` overrides), one file per workspace and kind, never in the
 * repository; a missing or corrupt cache file is an empty cache.
 */
export class ResultCache<Entry extends { readonly fingerprint: string }> {
  private readonly next = new Map<string, Entry>();

  private constructor(
    private readonly path: string,
    private readonly key: string,
    private readonly previous: ReadonlyMap<string, Entry>,
  ) {}

  static async open<Entry extends { readonly fingerprint: string }>(
    root: string,
    kind: string,
    inputs: string,
  ): Promise<ResultCache<Entry>> {
    const directory =
      process.env.SPECWRIGHT_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "specwright");
    const path = join(directory, `${kind}-${hash(root)}.json`);
    // Declarations and source maps do not change a result, and skipping them halves the stats of every run.
    const code = fingerprintDirectory(dirname(dirname(fileURLToPath(import.meta.url))), isCode);
    const key = hash(JSON.stringify([CACHE_FORMAT, inputs, code]));
    const stored = await readJsonCacheFile(path);
    const previous = new Map<string, Entry>();
    if (isStoredCache(stored) && stored.key === key) {
      for (const [name, entry] of Object.entries(stored.entries)) previous.set(name, entry as Entry);
    }
    return new ResultCache<Entry>(path, key, previous);
  }

  /** What was stored last time under `name`, whatever its fingerprint. */
  previousEntry(name: string): Entry | undefined {
    return this.previous.get(name);
  }

  /** The entry stored under `name` if its fingerprint matches; it is then kept for the next run. */
  lookup(name: string, fingerprint: string): Entry | undefined {
    const cached = this.previous.get(name);
    if (cached?.fingerprint !== fingerprint) return undefined;
    this.next.set(name, cached);
    return cached;
  }

  store(name: string, entry: Entry): void {
    this.next.set(name, entry);
  }

  /** Writes what this run saw, when it differs from what was stored; a failed write only costs speed. */
  async save(): Promise<void> {
    const unchanged =
      this.next.size === this.previous.size &&
      [...this.next].every(([name, entry]) => this.previous.get(name) === entry);
    if (unchanged) return;
    try {
      await writeJsonCacheFile(this.path, { key: this.key, entries: Object.fromEntries(this.next) });
    } catch {
      // Read-only home or full disk: the command still worked.
    }
  }
}

function isCode(name: string): boolean {
  return !name.endsWith(".d.ts") && !name.endsWith(".map");
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 24);
}

function isStoredCache(value: unknown): value is { key: string; entries: Record<string, unknown> } {
  return (
    typeof value === "object" &&
    value !== null &&
    "key" in value &&
    typeof value.key === "string" &&
    "entries" in value &&
    typeof value.entries === "object" &&
    value.entries !== null
  );
}
