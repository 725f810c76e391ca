import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CheckDiagnostic } from "../rules/check-result.js";
import { fingerprintDirectory, fingerprintFiles } from "../workspace/file-fingerprint.js";
import { readJsonCacheFile, writeJsonCacheFile } from "../workspace/json-cache-file.js";
import type { SpecFolder } from "../workspace/spec-folders.js";

/** Bump when the cache's shape or the meaning of its entries changes. */
const CACHE_FORMAT = 2;
/** The key under which steering, hooks and settings are cached (no spec folder can be named so). */
const SHARED = "/shared";

export interface CachedResult {
  readonly fingerprint: string;
  readonly files: number;
  readonly diagnostics: readonly CheckDiagnostic[];
  /** For the shared entry: the files steering includes, whose existence the result depends on. */
  readonly references?: readonly string[];
}

/**
 * Results of `check` from the last run, reused while nothing they depend on changed. Rules look inside one
 * spec, or at steering/hooks/settings, so each spec's result depends on its own files only, and the shared
 * result on the shared files and the files steering includes. The key covers the settings text and
 * Specwright's own code (a rebuilt or upgraded Specwright starts afresh). Kept in the user's cache folder,
 * one file per workspace, never in the repository.
 */
export class CheckCache {
  private readonly next = new Map<string, CachedResult>();

  private constructor(
    private readonly path: string,
    private readonly key: string,
    private readonly previous: ReadonlyMap<string, CachedResult>,
  ) {}

  static async open(root: string, settingsText: string): Promise<CheckCache> {
    const directory =
      process.env.SPECWRIGHT_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "specwright");
    const path = join(directory, `check-${hash(root)}.json`);
    const code = fingerprintDirectory(dirname(dirname(fileURLToPath(import.meta.url))));
    const key = hash(JSON.stringify([CACHE_FORMAT, settingsText, code]));
    const stored = await readJsonCacheFile(path);
    const previous = new Map<string, CachedResult>();
    if (isStoredCache(stored) && stored.key === key) {
      for (const [name, entry] of Object.entries(stored.entries)) previous.set(name, entry);
    }
    return new CheckCache(path, key, previous);
  }

  /** The spec's cached result when its files are unchanged, and the fingerprint to store a new one under. */
  lookupSpec(folder: SpecFolder): { readonly hit?: CachedResult; readonly fingerprint: string } {
    const names = [...folder.documents, ...folder.otherFiles];
    const files = folder.documents.map((name) => join(folder.path, name));
    return this.lookup(folder.name, `${names.join("/")}#${fingerprintFiles(files)}`);
  }

  /** The same for steering, hooks and settings, and the files steering included last time. */
  lookupShared(paths: readonly string[]): { readonly hit?: CachedResult } {
    const references = this.previous.get(SHARED)?.references ?? [];
    return this.lookup(SHARED, sharedFingerprint(paths, references));
  }

  storeSpec(name: string, entry: CachedResult): void {
    this.next.set(name, entry);
  }

  storeShared(paths: readonly string[], result: Omit<CachedResult, "fingerprint">): void {
    this.next.set(SHARED, { ...result, fingerprint: sharedFingerprint(paths, result.references ?? []) });
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
      // Read-only home or full disk: checking still worked.
    }
  }

  private lookup(name: string, fingerprint: string): { readonly hit?: CachedResult; readonly fingerprint: string } {
    const cached = this.previous.get(name);
    if (cached?.fingerprint !== fingerprint) return { fingerprint };
    this.next.set(name, cached);
    return { hit: cached, fingerprint };
  }
}

function sharedFingerprint(paths: readonly string[], references: readonly string[]): string {
  return `${paths.join("|")}#${fingerprintFiles(paths)}#${references.join("|")}#${fingerprintFiles(references)}`;
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 24);
}

function isStoredCache(value: unknown): value is { key: string; entries: Record<string, CachedResult> } {
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
