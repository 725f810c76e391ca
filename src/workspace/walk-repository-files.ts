import { stat } from "node:fs/promises";
import { join } from "node:path";
import { REPOSITORY_SKIPPED_DIRECTORY_NAMES } from "./read-repository-snapshot.js";
import { walkGitVisibleFiles } from "./walk-git-visible-files.js";

/** Hidden folders that do hold project content worth showing; every other hidden folder is passed over. */
const WALKED_HIDDEN_DIRECTORY_NAMES: readonly string[] = [".kiro", ".github"];

export interface RepositoryFile {
  /** Relative to the root, `/`-separated. */
  readonly path: string;
  readonly bytes: number;
}

export interface WalkRepositoryOptions {
  /** Stop after this many files (the walk is breadth-first, so the top of the tree is seen first). Default 5,000. */
  readonly maxFiles?: number;
  /** Only this folder of the root (relative, `/`-separated); the `.gitignore` files above it still apply. */
  readonly under?: string;
  /** How many folder levels below the start the walk enters. Default 12. */
  readonly maxDepth?: number;
}

export interface RepositoryWalk {
  /** Sorted by path. */
  readonly files: readonly RepositoryFile[];
  /** True when the walk stopped at `maxFiles` before seeing everything. */
  readonly truncated: boolean;
}

/**
 * The files of a repository a person would call its own, for the inventory: what git sees (see
 * `walkGitVisibleFiles`), minus dependency, build-output and hidden folders (except `.kiro` and `.github`),
 * hidden files and symlinks. A missing `under` folder has no files: callers probe optional folders.
 */
export async function walkRepositoryFiles(root: string, options: WalkRepositoryOptions = {}): Promise<RepositoryWalk> {
  const skipped = new Set(REPOSITORY_SKIPPED_DIRECTORY_NAMES);
  const walk = await walkGitVisibleFiles(root, {
    under: options.under ?? "",
    maxFiles: options.maxFiles ?? 5_000,
    maxDepth: options.maxDepth ?? 12,
    missingStartIsEmpty: true,
    enterFolder: (folder) =>
      !skipped.has(folder.name) &&
      (!folder.name.startsWith(".") || WALKED_HIDDEN_DIRECTORY_NAMES.includes(folder.name)),
    keepFile: (file) => !file.isSymbolicLink && !file.name.startsWith("."),
  });
  const files: RepositoryFile[] = [];
  for (const path of walk.files) files.push({ path, bytes: await fileSize(join(root, ...path.split("/"))) });
  return { files, truncated: walk.truncated };
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    // A file removed since it was listed still belongs in the inventory; its size is unknown.
    return 0;
  }
}
