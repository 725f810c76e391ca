import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import type { CheckDiagnostic } from "../rules/check-result.js";
import type { Rule } from "../rules/rule.js";
import { fingerprintFiles } from "../workspace/file-fingerprint.js";
import { readJsonCacheFile, writeJsonCacheFile } from "../workspace/json-cache-file.js";
import type { SpecFolder } from "../workspace/spec-folders.js";

/** Bump when the cache's shape or the meaning of its entries changes. */
const CACHE_FORMAT = 1;

interface CachedSpec {
  readonly fingerprint: string;
  readonly files: number;
  readonly diagnostics: readonly CheckDiagnostic[];
}

/**
 * Per-spec results of `check`, reused while none of the spec's files changed. Rules only look inside one
 * spec (steering, hooks and settings are checked on every run), so a spec's result depends on its own
 * files, the rules and the settings: all three are part of the key. Kept outside the repository, in the
 * user's cache folder, one file per workspace.
 */
export class CheckCache {
  private readonly next = new Map<string, CachedSpec>();

  private constructor(
    private readonly path: string,
    private readonly key: string,
    private readonly previous: ReadonlyMap<string, CachedSpec>,
  ) {}

  static async open(root: string, rules: readonly Rule[], settingsText: string): Promise<CheckCache> {
    const directory =
      process.env.SPECWRIGHT_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "specwright");
    const path = join(directory, `check-${hash(root)}.json`);
    const key = hash(
      JSON.stringify([CACHE_FORMAT, settingsText, rules.map((rule) => [rule.id, rule.severity, rule.summary])]),
    );
    const stored = await readJsonCacheFile(path);
    const previous = new Map<string, CachedSpec>();
    if (isStoredCache(stored) && stored.key === key) {
      for (const [name, entry] of Object.entries(stored.specs)) previous.set(name, entry);
    }
    return new CheckCache(path, key, previous);
  }

  /** The spec's cached result when its files are unchanged; records the fingerprint to store a new one. */
  lookup(folder: SpecFolder): { readonly hit?: CachedSpec; readonly fingerprint: string } {
    const names = [...folder.documents, ...folder.otherFiles];
    const fingerprint = `${names.join("/")}#${fingerprintFiles(folder.documents.map((name) => join(folder.path, name)))}`;
    const cached = this.previous.get(folder.name);
    if (cached?.fingerprint === fingerprint) {
      this.next.set(folder.name, cached);
      return { hit: cached, fingerprint };
    }
    return { fingerprint };
  }

  store(name: string, entry: CachedSpec): void {
    this.next.set(name, entry);
  }

  /** Writes what this run saw, when it differs from what was stored; a failed write only costs speed. */
  async save(): Promise<void> {
    const unchanged =
      this.next.size === this.previous.size &&
      [...this.next].every(([name, entry]) => this.previous.get(name) === entry);
    if (unchanged) return;
    try {
      await writeJsonCacheFile(this.path, { key: this.key, specs: Object.fromEntries(this.next) });
    } catch {
      // Read-only home or full disk: checking still worked.
    }
  }
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 24);
}

function isStoredCache(value: unknown): value is { key: string; specs: Record<string, CachedSpec> } {
  return (
    typeof value === "object" &&
    value !== null &&
    "key" in value &&
    typeof value.key === "string" &&
    "specs" in value &&
    typeof value.specs === "object" &&
    value.specs !== null
  );
}
