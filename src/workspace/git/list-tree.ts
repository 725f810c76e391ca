import type { GitRepository } from "./git-repository.js";
import { GitCommandError, runGit, runGitBytes } from "./run-git.js";

/** One entry of a tree listed recursively: a file (`blob`), a submodule (`commit`). */
export interface TreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly object: string;
  readonly path: string;
}

/** Every file of a tree or commit, recursively, keyed by path (metadata only: no file content is read). */
export async function listTree(repository: GitRepository, treeish: string): Promise<Map<string, TreeEntry>> {
  const output = await runGit(["ls-tree", "-r", "-z", "--full-tree", treeish], { cwd: repository.topLevel });
  return parseTreeListing(output);
}

/** Parses `git ls-tree -r -z` records: `<mode> <type> <object>\t<path>`, NUL separated. */
export function parseTreeListing(output: string): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  for (const record of output.split("\u0000")) {
    const match = /^(\d{6}) (\w+) ([0-9a-f]+)\t(.+)$/s.exec(record);
    if (!match) continue;
    const [, mode = "", type = "", object = "", path = ""] = match;
    entries.set(path, { mode, type, object, path });
  }
  return entries;
}

/** The bytes of `path` in a tree or commit, or undefined when it is not a file there or is larger than `maxBytes`. */
export async function readTreeFile(
  repository: GitRepository,
  treeish: string,
  path: string,
  maxBytes: number,
): Promise<Buffer | undefined> {
  const object = `${treeish}:${path}`;
  try {
    const size = Number((await runGit(["cat-file", "-s", object], { cwd: repository.topLevel })).trim());
    if (!Number.isFinite(size) || size > maxBytes) return undefined;
    return await runGitBytes(["cat-file", "blob", object], { cwd: repository.topLevel });
  } catch (error) {
    if (error instanceof GitCommandError) return undefined;
    throw error;
  }
}
