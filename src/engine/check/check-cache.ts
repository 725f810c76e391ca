import { join } from "node:path";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { fingerprintFiles } from "../../workspace/file-fingerprint.js";
import type { SpecFolder } from "../../workspace/spec-folders.js";
import { APPROVALS_FILE_NAME } from "../approvals/approvals-file-name.js";
import { ResultCache } from "./result-cache.js";

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
 * `check` results from the last run. Rules look inside one spec, or at steering/hooks/settings, so a
 * spec's result depends on its own files only, and the shared result on the shared files and the files
 * steering includes; the settings text is part of the key.
 */
export class CheckCache {
  private constructor(private readonly cache: ResultCache<CachedResult>) {}

  static async open(root: string, settingsText: string): Promise<CheckCache> {
    return new CheckCache(await ResultCache.open<CachedResult>(root, "check", settingsText));
  }

  /** The spec's cached result when its files are unchanged, and the fingerprint to store a new one under. */
  lookupSpec(folder: SpecFolder): { readonly hit?: CachedResult; readonly fingerprint: string } {
    const fingerprint = specFingerprint(folder);
    const hit = this.cache.lookup(folder.name, fingerprint);
    return hit ? { hit, fingerprint } : { fingerprint };
  }

  /** The same for steering, hooks and settings, with the files steering included last time. */
  lookupShared(paths: readonly string[]): CachedResult | undefined {
    const references = this.cache.previousEntry(SHARED)?.references ?? [];
    return this.cache.lookup(SHARED, sharedFingerprint(paths, references));
  }

  storeSpec(name: string, entry: CachedResult): void {
    this.cache.store(name, entry);
  }

  storeShared(paths: readonly string[], result: Omit<CachedResult, "fingerprint">): void {
    this.cache.store(SHARED, { ...result, fingerprint: sharedFingerprint(paths, result.references ?? []) });
  }

  save(): Promise<void> {
    return this.cache.save();
  }
}

/**
 * A spec folder's file names (an added or removed file changes results) and the stats of its documents and
 * approvals file (the drift rules compare with the approved texts it names).
 */
export function specFingerprint(folder: SpecFolder): string {
  const names = [...folder.documents, ...folder.otherFiles];
  const approvals = folder.otherFiles.includes(APPROVALS_FILE_NAME) ? [APPROVALS_FILE_NAME] : [];
  return `${names.join("/")}#${fingerprintFiles([...folder.documents, ...approvals].map((name) => join(folder.path, name)))}`;
}

export function sharedFingerprint(paths: readonly string[], references: readonly string[]): string {
  return `${paths.join("|")}#${fingerprintFiles(paths)}#${references.join("|")}#${fingerprintFiles(references)}`;
}
