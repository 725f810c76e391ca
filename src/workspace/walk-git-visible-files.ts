import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { compareStrings } from "./compare-strings.js";
import { errorCodeOf } from "./error-code.js";
import { type IgnoreScope, ignoreScopesAt, isIgnored, withFolderIgnoreFile } from "./git-ignore-scopes.js";
import { mapFileSystemError } from "./map-file-system-error.js";

/** A folder, file or symlink the walk meets that git does not ignore. */
export interface GitVisibleEntry {
  /** The entry's own name. */
  readonly name: string;
  /** Relative to the root, `/`-separated. */
  readonly path: string;
}

export interface GitVisibleFileEntry extends GitVisibleEntry {
  /** Symlinks are offered as files, never followed. */
  readonly isSymbolicLink: boolean;
}

export interface WalkGitVisibleFilesOptions {
  /** The folder to walk, relative to the root (`/`-separated); "" or "." for the root. */
  readonly under?: string;
  /** Stop after this many files. */
  readonly maxFiles: number;
  /** How many folder levels below the start the walk enters. Default: no limit. */
  readonly maxDepth?: number;
  /** Which of the folders git does not ignore are entered (`.git` never is). Default: all. */
  readonly enterFolder?: (folder: GitVisibleEntry) => boolean;
  /** Which of the files and symlinks git does not ignore are kept. Default: all. */
  readonly keepFile?: (file: GitVisibleFileEntry) => boolean;
  /** A missing start folder lists nothing instead of throwing (for callers that probe optional folders). */
  readonly missingStartIsEmpty?: boolean;
}

export interface GitVisibleFiles {
  /** Root-relative, `/`-separated, sorted. */
  readonly files: readonly string[];
  /** True when the walk stopped at `maxFiles` before seeing everything. */
  readonly truncated: boolean;
}

interface PendingFolder {
  readonly relative: string;
  readonly depth: number;
  readonly scopes: readonly IgnoreScope[];
}

/**
 * The files of the working tree as git sees them: every `.gitignore` on the way (and `.git/info/exclude`)
 * is honoured, `.git/` is never entered and symlinks are never followed. Breadth-first, so when `maxFiles`
 * cuts the walk short the top of the tree is what was seen. Unreadable folders below the start are skipped.
 */
export async function walkGitVisibleFiles(root: string, options: WalkGitVisibleFilesOptions): Promise<GitVisibleFiles> {
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const start = (options.under ?? "").replace(/^\/+|\/+$/g, "").replace(/^\.$/, "");
  const startScopes = await ignoreScopesAt(root, start);
  if (startScopes === undefined) return { files: [], truncated: false };

  const files: string[] = [];
  let truncated = false;
  const pending: PendingFolder[] = [{ relative: start, depth: 0, scopes: startScopes }];
  for (let folder = pending.shift(); folder !== undefined && !truncated; folder = pending.shift()) {
    const absolute = folder.relative === "" ? root : join(root, ...folder.relative.split("/"));
    const isStart = folder.relative === start;
    const entries = await readFolder(absolute, isStart && !options.missingStartIsEmpty, isStart);
    let scopes = folder.scopes;
    // The root's own .gitignore is already in the start scopes.
    if (folder.relative !== "" && entries.some((entry) => entry.name === ".gitignore" && entry.isFile())) {
      scopes = await withFolderIgnoreFile(scopes, folder.relative, absolute);
    }
    for (const entry of entries) {
      const path = folder.relative === "" ? entry.name : `${folder.relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name === ".git" || folder.depth >= maxDepth || isIgnored(scopes, path, true)) continue;
        if (options.enterFolder?.({ name: entry.name, path }) === false) continue;
        pending.push({ relative: path, depth: folder.depth + 1, scopes });
        continue;
      }
      if (!(entry.isFile() || entry.isSymbolicLink()) || isIgnored(scopes, path, false)) continue;
      if (options.keepFile?.({ name: entry.name, path, isSymbolicLink: entry.isSymbolicLink() }) === false) continue;
      if (files.length >= options.maxFiles) {
        truncated = true;
        break;
      }
      files.push(path);
    }
  }
  files.sort(compareStrings);
  return { files, truncated };
}

/** A folder's entries by name; a folder that vanished or cannot be read is empty unless it is the start. */
async function readFolder(folder: string, missingThrows: boolean, unreadableThrows: boolean): Promise<Dirent[]> {
  try {
    return (await readdir(folder, { withFileTypes: true })).sort((a, b) => compareStrings(a.name, b.name));
  } catch (error) {
    const code = errorCodeOf(error);
    const missing = code === "ENOENT" || code === "ENOTDIR";
    const unreadable = code === "EACCES" || code === "EPERM";
    if ((missing && !missingThrows) || (unreadable && !unreadableThrows)) return [];
    throw mapFileSystemError(error, folder, "list");
  }
}
