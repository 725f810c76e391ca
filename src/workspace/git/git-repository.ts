import { AsyncLocalStorage } from "node:async_hooks";
import { resolve } from "node:path";
import { GitCommandError, runGit } from "./run-git.js";

/** A git repository with a working tree, as git sees it from some folder inside it. */
export interface GitRepository {
  /** The working tree's top folder; every path git reports is relative to it. */
  readonly topLevel: string;
  /** The absolute `.git` folder (for a linked worktree, that worktree's own one). */
  readonly gitDirectory: string;
  /** Where the folder we started from sits inside the tree: `""` at the top, else `sub/dir/`. */
  readonly prefix: string;
  /** The absolute folder of what every linked worktree shares (config, hooks, refs); `gitDirectory` in the main one. */
  readonly commonDirectory: string;
}

const memoScope = new AsyncLocalStorage<Map<string, Promise<GitRepository | undefined>>>();

/**
 * Runs `body` with each folder's repository looked up once: a task run asks for it at every checkpoint,
 * diff and integrity step. Inside one run the answer must not change anyway: a task that rewrites a `.git`
 * file to point elsewhere keeps being seen in the repository the run started in.
 */
export function withGitRepositoryMemo<T>(body: () => Promise<T>): Promise<T> {
  return memoScope.run(new Map(), body);
}

/**
 * The repository holding `directory`, or undefined when there is none (or it has no working tree, as a
 * bare repository or the inside of `.git`).
 */
export function findGitRepository(directory: string): Promise<GitRepository | undefined> {
  const memo = memoScope.getStore();
  if (memo === undefined) return lookUpGitRepository(directory);
  const key = resolve(directory);
  const known = memo.get(key);
  if (known !== undefined) return known;
  const found = lookUpGitRepository(directory);
  memo.set(key, found);
  // A failure (not "no repository": an error) is not remembered: the next call tries again.
  found.catch(() => memo.delete(key));
  return found;
}

async function lookUpGitRepository(directory: string): Promise<GitRepository | undefined> {
  let output: string;
  try {
    output = await runGit(["rev-parse", "--show-toplevel", "--absolute-git-dir", "--show-prefix", "--git-common-dir"], {
      cwd: directory,
    });
  } catch (error) {
    if (error instanceof GitCommandError) return undefined;
    throw error;
  }
  const [topLevel, gitDirectory, prefix, common] = output.split("\n");
  if (!topLevel || !gitDirectory) return undefined;
  // Printed relative to the folder git ran in, unless it is absolute already.
  const commonDirectory = common ? resolve(directory, common) : gitDirectory;
  return { topLevel, gitDirectory, prefix: prefix ?? "", commonDirectory };
}

/** The commit HEAD points at, or undefined in a repository with no commit yet. */
export async function headCommit(repository: GitRepository): Promise<string | undefined> {
  return resolveCommit(repository, "HEAD");
}

/** The commit a ref or revision names, or undefined when it names none. */
export async function resolveCommit(repository: GitRepository, revision: string): Promise<string | undefined> {
  try {
    const output = await runGit(["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`], {
      cwd: repository.topLevel,
    });
    return output.trim() || undefined;
  } catch (error) {
    if (error instanceof GitCommandError) return undefined;
    throw error;
  }
}
