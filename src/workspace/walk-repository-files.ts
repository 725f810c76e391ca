import type { Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";
import { compareStrings } from "./compare-strings.js";
import { errorCodeOf } from "./error-code.js";
import { mapFileSystemError } from "./map-file-system-error.js";
import { REPOSITORY_SKIPPED_DIRECTORY_NAMES } from "./read-repository-snapshot.js";

/** Folders never entered besides those: environments and tool caches that hold no project source. */
const WALK_SKIPPED_DIRECTORY_NAMES: readonly string[] = [...REPOSITORY_SKIPPED_DIRECTORY_NAMES, ".venv", ".git"];

/** Hidden folders that do hold project content worth showing. */
const WALKED_HIDDEN_DIRECTORY_NAMES: readonly string[] = [".kiro", ".github"];

/** A `.gitignore` larger than this is not a real one; it is skipped rather than parsed. */
const MAX_GITIGNORE_BYTES = 256 * 1024;

export interface RepositoryFile {
  /** Relative to the root, `/`-separated. */
  readonly path: string;
  readonly bytes: number;
}

export interface WalkRepositoryOptions {
  /** Stop after this many files (the walk is breadth-first, so the top of the tree is seen first). Default 5,000. */
  readonly maxFiles?: number;
  /** Only this folder of the root (relative, `/`-separated); the root's `.gitignore` still applies. */
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

interface IgnoreScope {
  /** The folder the rules belong to, relative to the root ("" for the root). */
  readonly base: string;
  readonly rules: Ignore;
}

/**
 * The files of a repository a person would call its own: honours every `.gitignore` on the way (and
 * `.git/info/exclude`), never enters dependency, build-output or hidden folders (except `.kiro` and
 * `.github`), leaves out hidden files, and does not follow symlinks. Unreadable folders are passed over.
 */
export async function walkRepositoryFiles(root: string, options: WalkRepositoryOptions = {}): Promise<RepositoryWalk> {
  const maxFiles = options.maxFiles ?? 5_000;
  const maxDepth = options.maxDepth ?? 12;
  const skipped = new Set(WALK_SKIPPED_DIRECTORY_NAMES);
  const rootScope: IgnoreScope = { base: "", rules: ignore() };
  rootScope.rules.add(await readIgnoreFile(join(root, ".git", "info", "exclude")));
  rootScope.rules.add(await readIgnoreFile(join(root, ".gitignore")));

  const start = (options.under ?? "").replace(/^\/+|\/+$/g, "");
  const files: RepositoryFile[] = [];
  let truncated = false;
  const startScopes = await scopesAbove(root, start, rootScope);
  let level: { relative: string; scopes: readonly IgnoreScope[] }[] = [{ relative: start, scopes: startScopes }];
  if (start !== "" && isIgnored(startScopes, start, true)) level = [];
  for (let depth = 0; depth <= maxDepth && level.length > 0 && !truncated; depth++) {
    const next: typeof level = [];
    for (const folder of level) {
      const absolute = folder.relative === "" ? root : join(root, ...folder.relative.split("/"));
      const entries = await readFolder(absolute, folder.relative === start);
      let scopes = folder.scopes;
      if (folder.relative !== "" && entries.some((entry) => entry.name === ".gitignore" && entry.isFile())) {
        const rules = ignore().add(await readIgnoreFile(join(absolute, ".gitignore")));
        scopes = [...scopes, { base: folder.relative, rules }];
      }
      for (const entry of entries) {
        const path = folder.relative === "" ? entry.name : `${folder.relative}/${entry.name}`;
        if (entry.isDirectory()) {
          const hidden = entry.name.startsWith(".") && !WALKED_HIDDEN_DIRECTORY_NAMES.includes(entry.name);
          if (hidden || skipped.has(entry.name) || isIgnored(scopes, path, true)) continue;
          next.push({ relative: path, scopes });
        } else if (entry.isFile() && !entry.name.startsWith(".") && !isIgnored(scopes, path, false)) {
          if (files.length >= maxFiles) {
            truncated = true;
            break;
          }
          files.push({ path, bytes: await fileSize(join(absolute, entry.name)) });
        }
      }
      if (truncated) break;
    }
    level = next;
  }
  files.sort((a, b) => compareStrings(a.path, b.path));
  return { files, truncated };
}

/**
 * The ignore rules that apply at `start`: the root's, then the `.gitignore` of every folder on the way down
 * to it (the last scope is the one of `start`'s parent, or the root's). The walk itself adds `start`'s own.
 */
async function scopesAbove(root: string, start: string, rootScope: IgnoreScope): Promise<IgnoreScope[]> {
  const scopes = [rootScope];
  const parts = start === "" ? [] : start.split("/");
  for (let index = 1; index < parts.length; index++) {
    const base = parts.slice(0, index).join("/");
    const text = await readIgnoreFile(join(root, ...parts.slice(0, index), ".gitignore"));
    if (text !== "") scopes.push({ base, rules: ignore().add(text) });
  }
  return scopes;
}

function isIgnored(scopes: readonly IgnoreScope[], path: string, isDirectory: boolean): boolean {
  for (const scope of scopes) {
    const relative = scope.base === "" ? path : path.slice(scope.base.length + 1);
    if (relative === "") continue;
    if (scope.rules.ignores(isDirectory ? `${relative}/` : relative)) return true;
  }
  return false;
}

async function readIgnoreFile(path: string): Promise<string> {
  try {
    const bytes = await readFile(path);
    return bytes.byteLength > MAX_GITIGNORE_BYTES ? "" : bytes.toString("utf8");
  } catch {
    // No ignore file (or an unreadable one) ignores nothing, as git treats it.
    return "";
  }
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function readFolder(folder: string, isStart: boolean): Promise<Dirent[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.sort((a, b) => compareStrings(a.name, b.name));
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EACCES" || code === "EPERM") {
      if (!isStart || code === "ENOENT" || code === "ENOTDIR") return [];
    }
    throw mapFileSystemError(error, folder, "list");
  }
}
