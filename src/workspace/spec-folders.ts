import { type Dirent, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { compareStrings } from "./compare-strings.js";
import { errorCodeOf } from "./error-code.js";
import { kiroPaths } from "./kiro-paths.js";
import { mapFileSystemError } from "./map-file-system-error.js";
import { isWorkspaceBookkeeping } from "./workspace-bookkeeping.js";

/** The files Kiro itself writes into a spec folder, in the order the workflow produces them. */
export const KNOWN_SPEC_DOCUMENTS = [
  "requirements.md",
  "bugfix.md",
  "design.md",
  "tasks.md",
  ".config.kiro",
  "tasks.meta.json",
] as const;

export type KnownSpecDocument = (typeof KNOWN_SPEC_DOCUMENTS)[number];

export interface SpecFolder {
  /** The folder name, which is the spec's name (kebab-case in Kiro's own output). */
  readonly name: string;
  readonly path: string;
  /** The known documents present, in `KNOWN_SPEC_DOCUMENTS` order. */
  readonly documents: readonly KnownSpecDocument[];
  /** Every other file in the folder, sorted (cc-sdd's `spec.json`, notes, …); locks and temp files left out. */
  readonly otherFiles: readonly string[];
  /**
   * The locks and temp files (files or folders) the listing found, by name, when there are any: `check`
   * looks among them for leftovers of dead processes instead of listing every spec folder a second time.
   */
  readonly bookkeeping?: readonly string[];
}

const known: ReadonlySet<string> = new Set(KNOWN_SPEC_DOCUMENTS);

/**
 * The spec folders under `<root>/.kiro/specs/`, sorted by name. No specs folder means no specs, not an
 * error. A folder deleted while being listed is left out; reading one of its files later gives `not-found`.
 */
export async function listSpecFolders(root: string): Promise<SpecFolder[]> {
  const specsDirectory = kiroPaths(root).specsDirectory;
  const entries = readEntries(specsDirectory);
  const folders: SpecFolder[] = [];
  for (const entry of entries.filter((candidate) => candidate.isDirectory()).sort(byName)) {
    folders.push(specFolderOf(entry.name, join(specsDirectory, entry.name)));
  }
  return folders;
}

/** One spec folder by name, listed as `listSpecFolders` lists each; undefined when it is not a folder. */
export function readSpecFolder(root: string, name: string): SpecFolder | undefined {
  const path = join(kiroPaths(root).specsDirectory, name);
  try {
    if (!statSync(path).isDirectory()) return undefined;
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT" || errorCodeOf(error) === "ENOTDIR") return undefined;
    throw mapFileSystemError(error, path, "list");
  }
  return specFolderOf(name, path);
}

function specFolderOf(name: string, path: string): SpecFolder {
  // Symlinks, pipes and devices count as present: reading them then says what they are (a symlink inside
  // the workspace is followed, one leading out or a pipe is refused), instead of calling them missing.
  const entries = readEntries(path);
  const names = entries.filter((file) => !file.isDirectory()).map((file) => file.name);
  const bookkeeping = entries
    .filter((entry) => isWorkspaceBookkeeping(entry.name))
    .map((entry) => entry.name)
    .sort(compareStrings);
  return {
    name,
    path,
    documents: KNOWN_SPEC_DOCUMENTS.filter((document) => names.includes(document)),
    otherFiles: names.filter((name) => !known.has(name) && !isWorkspaceBookkeeping(name)).sort(compareStrings),
    ...(bookkeeping.length > 0 ? { bookkeeping } : {}),
  };
}

export function specDocumentPath(folder: Pick<SpecFolder, "path">, document: KnownSpecDocument): string {
  return join(folder.path, document);
}

/** Synchronous on purpose: a thousand queued `readdir` calls cost more in round trips than the calls. */
function readEntries(directory: string): Dirent[] {
  try {
    return readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT") return [];
    throw mapFileSystemError(error, directory, "list");
  }
}

function byName(a: Dirent, b: Dirent): number {
  return compareStrings(a.name, b.name);
}
