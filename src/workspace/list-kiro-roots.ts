import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { compareStrings } from "./compare-strings.js";
import { errorCodeOf } from "./error-code.js";
import { isDirectory } from "./is-directory.js";
import { KIRO_DIRECTORY_NAME } from "./kiro-paths.js";
import { mapFileSystemError } from "./map-file-system-error.js";

/** Folders that hold dependencies or build output: a `.kiro/` inside them belongs to someone else. */
export const SKIPPED_DIRECTORY_NAMES: readonly string[] = [
  "node_modules",
  "bower_components",
  "vendor",
  "dist",
  "build",
  "out",
  "coverage",
  "target",
];

export interface ListKiroRootsOptions {
  /** How many folder levels below `directory` to search; the directory itself is level 0. Default 6. */
  readonly maxDepth?: number;
  /** Folder names never entered. Defaults to `SKIPPED_DIRECTORY_NAMES`; hidden folders are always skipped. */
  readonly skipDirectoryNames?: readonly string[];
}

/**
 * Every folder at or below `directory` that contains a `.kiro/` folder, sorted: the workspaces of a
 * monorepo. Symlinked folders are not followed (no cycles), and unreadable sub-folders are passed over.
 */
export async function listKiroRoots(directory: string, options: ListKiroRootsOptions = {}): Promise<string[]> {
  const maxDepth = options.maxDepth ?? 6;
  const skipped = new Set(options.skipDirectoryNames ?? SKIPPED_DIRECTORY_NAMES);
  const start = resolve(directory);
  const roots: string[] = [];
  let level: string[] = [start];
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      const entries = await readFolder(folder, folder === start);
      for (const entry of entries) {
        if (entry.name === KIRO_DIRECTORY_NAME) {
          // A symlinked `.kiro/` still makes a workspace; only folders we descend into must be real.
          if (entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(join(folder, entry.name))))) {
            roots.push(folder);
          }
        } else if (entry.isDirectory() && !entry.name.startsWith(".") && !skipped.has(entry.name)) {
          next.push(join(folder, entry.name));
        }
      }
    }
    level = next;
  }
  return roots.sort(compareStrings);
}

async function readFolder(folder: string, isStart: boolean): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    // The start folder must be readable; a sub-folder that vanished or is private is simply not a workspace.
    const code = errorCodeOf(error);
    if (!isStart && (code === "ENOENT" || code === "ENOTDIR" || code === "EACCES" || code === "EPERM")) return [];
    throw mapFileSystemError(error, folder, "list");
  }
}
