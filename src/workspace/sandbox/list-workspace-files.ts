import type { Dirent } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";
import { compareStrings } from "../compare-strings.js";
import { errorCodeOf } from "../error-code.js";
import { mapFileSystemError } from "../map-file-system-error.js";

/** A `.gitignore` larger than this is not a real one; it is skipped rather than parsed. */
const MAX_GITIGNORE_BYTES = 256 * 1024;

export interface ListWorkspaceFilesOptions {
  /** The folder to list, relative to the root (`/`-separated); "" for the root. */
  readonly under?: string;
  /** Keep only files for which this returns true (given the root-relative path). */
  readonly include?: (relativePath: string) => boolean;
  /** Stop after this many files. Default 2,000. */
  readonly maxFiles?: number;
}

export interface WorkspaceFileListing {
  /** Root-relative, `/`-separated, sorted. Symlinks are listed, never followed. */
  readonly files: readonly string[];
  /** True when the listing stopped at `maxFiles`. */
  readonly truncated: boolean;
}

interface IgnoreScope {
  readonly base: string;
  readonly rules: Ignore;
}

/**
 * The files of the working tree as git sees them: every `.gitignore` on the way (and
 * `.git/info/exclude`) is honoured and `.git/` is never entered. Hidden files that are not ignored are
 * listed (an agent needs `.gitignore` and `.github/` too). Unreadable folders below the start are skipped.
 */
export async function listWorkspaceFiles(
  root: string,
  options: ListWorkspaceFilesOptions = {},
): Promise<WorkspaceFileListing> {
  const maxFiles = options.maxFiles ?? 2_000;
  const rootScope: IgnoreScope = { base: "", rules: ignore() };
  rootScope.rules.add(await readIgnoreFile(join(root, ".git", "info", "exclude")));
  rootScope.rules.add(await readIgnoreFile(join(root, ".gitignore")));
  const start = (options.under ?? "").replace(/^\/+|\/+$/g, "").replace(/^\.$/, "");
  if (start !== "" && ancestorsIgnored(start, [rootScope])) return { files: [], truncated: false };

  const files: string[] = [];
  let truncated = false;
  const pending: { relative: string; scopes: readonly IgnoreScope[] }[] = [{ relative: start, scopes: [rootScope] }];
  while (pending.length > 0 && !truncated) {
    const folder = pending.shift();
    if (folder === undefined) break;
    const absolute = folder.relative === "" ? root : join(root, ...folder.relative.split("/"));
    const entries = await readFolder(absolute, folder.relative === start);
    let scopes = folder.scopes;
    if (folder.relative !== "" && entries.some((entry) => entry.name === ".gitignore" && entry.isFile())) {
      scopes = [
        ...scopes,
        { base: folder.relative, rules: ignore().add(await readIgnoreFile(join(absolute, ".gitignore"))) },
      ];
    }
    for (const entry of entries) {
      const path = folder.relative === "" ? entry.name : `${folder.relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== ".git" && !isIgnored(scopes, path, true)) pending.push({ relative: path, scopes });
        continue;
      }
      if (!(entry.isFile() || entry.isSymbolicLink()) || isIgnored(scopes, path, false)) continue;
      if (options.include !== undefined && !options.include(path)) continue;
      if (files.length >= maxFiles) {
        truncated = true;
        break;
      }
      files.push(path);
    }
  }
  files.sort(compareStrings);
  return { files, truncated };
}

function ancestorsIgnored(start: string, scopes: readonly IgnoreScope[]): boolean {
  const segments = start.split("/");
  return segments.some((_, index) => isIgnored(scopes, segments.slice(0, index + 1).join("/"), true));
}

/** As git decides: the deepest .gitignore with a rule for the path wins, so `!keep.log` below beats `*.log` above. */
function isIgnored(scopes: readonly IgnoreScope[], path: string, isDirectory: boolean): boolean {
  for (let index = scopes.length - 1; index >= 0; index--) {
    const scope = scopes[index];
    if (scope === undefined) continue;
    const relative = scope.base === "" ? path : path.slice(scope.base.length + 1);
    if (relative === "") continue;
    const verdict = scope.rules.test(isDirectory ? `${relative}/` : relative);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
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

async function readFolder(folder: string, isStart: boolean): Promise<Dirent[]> {
  try {
    return (await readdir(folder, { withFileTypes: true })).sort((a, b) => compareStrings(a.name, b.name));
  } catch (error) {
    const code = errorCodeOf(error);
    if (!isStart && (code === "ENOENT" || code === "ENOTDIR" || code === "EACCES" || code === "EPERM")) return [];
    throw mapFileSystemError(error, folder, "list");
  }
}
