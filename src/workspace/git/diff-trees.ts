import type { GitRepository } from "./git-repository.js";
import { type LineCounts, parseRawAndNumstat, type RawTreeChange } from "./parse-diff-output.js";
import { runGit } from "./run-git.js";

/** One path that differs between two trees, with its line counts (`binary` when lines mean nothing). */
export interface TreeChange extends RawTreeChange, LineCounts {
  readonly binary: boolean;
}

/** Paths always reported relative to the top level, renames as a deletion plus an addition. */
const DIFF_OPTIONS = ["-r", "-z", "--no-renames", "--no-ext-diff", "--no-textconv"];

/** Every file that differs between the trees (or commits) `from` and `to`, sorted by path as git sorts. */
export async function diffTrees(repository: GitRepository, from: string, to: string): Promise<TreeChange[]> {
  const output = await runGit(["diff-tree", ...DIFF_OPTIONS, "--raw", "--numstat", from, to], {
    cwd: repository.topLevel,
  });
  const { changes, counts } = parseRawAndNumstat(output);
  return changes.map((change) => {
    const lines = counts.get(change.path);
    return { ...change, linesAdded: lines?.linesAdded ?? 0, linesRemoved: lines?.linesRemoved ?? 0, binary: !lines };
  });
}

/**
 * The unified diff from `from` to `to`, limited to `paths` when given (none given: every path). A binary
 * file shows as one "Binary files … differ" line.
 */
export async function diffPatch(
  repository: GitRepository,
  from: string,
  to: string,
  paths?: readonly string[],
): Promise<string> {
  if (paths !== undefined && paths.length === 0) return "";
  const limit = paths === undefined ? [] : ["--", ...paths];
  return runGit(
    ["diff-tree", "-r", "-p", "--no-renames", "--no-ext-diff", "--no-textconv", "--no-color", from, to, ...limit],
    {
      cwd: repository.topLevel,
    },
  );
}
