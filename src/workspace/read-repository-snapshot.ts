import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { extname, join } from "node:path";
import { compareStrings } from "./compare-strings.js";
import { errorCodeOf } from "./error-code.js";
import { SKIPPED_DIRECTORY_NAMES } from "./list-kiro-roots.js";
import { mapFileSystemError } from "./map-file-system-error.js";
import { readTextFile } from "./read-text-file.js";

/** Dependency, cache and build-output folders a walk of the sources never enters (besides hidden ones). */
export const REPOSITORY_SKIPPED_DIRECTORY_NAMES: readonly string[] = [
  ...SKIPPED_DIRECTORY_NAMES,
  "__pycache__",
  "venv",
  "site-packages",
  "Pods",
  "DerivedData",
];

export interface RepositorySnapshotOptions {
  /** Files at the root whose text is wanted (manifests such as `package.json`); missing ones are left out. */
  readonly textFiles: readonly string[];
  /** How many folder levels below the root the walk enters; the root is level 0. Default 6. */
  readonly maxDepth?: number;
  /** How many directory entries the walk looks at before it stops. Default 20,000. */
  readonly maxEntries?: number;
  /** Text files larger than this are left out. Default 1 MiB. */
  readonly maxTextBytes?: number;
}

/** What `init` reads from a repository: raw material, interpreted by the engine. */
export interface RepositorySnapshot {
  readonly root: string;
  /** The names of the files directly in the root, sorted. */
  readonly rootFiles: readonly string[];
  /** The folders directly in the root, sorted; hidden, dependency and build-output folders left out. */
  readonly topLevelFolders: readonly string[];
  /** Text of the requested root files that exist and are readable text. */
  readonly texts: ReadonlyMap<string, string>;
  /** Number of files per lower-case extension (`.ts`), over the bounded walk. */
  readonly extensionCounts: ReadonlyMap<string, number>;
  /** True when the walk stopped at `maxEntries` before seeing everything. */
  readonly truncated: boolean;
}

/**
 * Reads what can be known about a repository without running anything: the root's files and folders, a few
 * manifests, and file extensions over a bounded, breadth-first walk that skips hidden, dependency and
 * build-output folders and does not follow symlinks. Unreadable sub-folders and files are passed over.
 */
export async function readRepositorySnapshot(
  root: string,
  options: RepositorySnapshotOptions,
): Promise<RepositorySnapshot> {
  const maxDepth = options.maxDepth ?? 6;
  const maxEntries = options.maxEntries ?? 20_000;
  const skipped = new Set(REPOSITORY_SKIPPED_DIRECTORY_NAMES);
  const rootEntries = await readFolder(root, true);
  const rootFiles = rootEntries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  const isWalked = (entry: Dirent) => entry.isDirectory() && !entry.name.startsWith(".") && !skipped.has(entry.name);
  const topLevelFolders = rootEntries.filter(isWalked).map((entry) => entry.name);

  const extensionCounts = new Map<string, number>();
  let seen = 0;
  let truncated = false;
  let level: { path: string; entries?: Dirent[] }[] = [{ path: root, entries: rootEntries }];
  for (let depth = 0; depth <= maxDepth && level.length > 0 && !truncated; depth++) {
    const next: { path: string }[] = [];
    for (const folder of level) {
      const entries = folder.entries ?? (await readFolder(folder.path, false));
      for (const entry of entries) {
        if (++seen > maxEntries) {
          truncated = true;
          break;
        }
        if (entry.isFile()) {
          const extension = extname(entry.name).toLowerCase();
          if (extension !== "") extensionCounts.set(extension, (extensionCounts.get(extension) ?? 0) + 1);
        } else if (isWalked(entry)) {
          next.push({ path: join(folder.path, entry.name) });
        }
      }
      if (truncated) break;
    }
    level = next;
  }

  const texts = new Map<string, string>();
  for (const name of options.textFiles) {
    if (!rootFiles.includes(name)) continue;
    try {
      texts.set(name, await readTextFile(join(root, name), { maxBytes: options.maxTextBytes ?? 1024 * 1024 }));
    } catch {
      // A manifest that is binary, huge or private gives no facts; init still works without it.
    }
  }

  return {
    root,
    rootFiles: rootFiles.sort(compareStrings),
    topLevelFolders: topLevelFolders.sort(compareStrings),
    texts,
    extensionCounts,
    truncated,
  };
}

async function readFolder(folder: string, isRoot: boolean): Promise<Dirent[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.sort((a, b) => compareStrings(a.name, b.name));
  } catch (error) {
    const code = errorCodeOf(error);
    if (!isRoot && (code === "ENOENT" || code === "ENOTDIR" || code === "EACCES" || code === "EPERM")) return [];
    throw mapFileSystemError(error, folder, "list");
  }
}
