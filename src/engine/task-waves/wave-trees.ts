import { commitTree } from "../../workspace/git/checkpoint-commits.js";
import { diffTrees } from "../../workspace/git/diff-trees.js";
import { type GitRepository, headCommit } from "../../workspace/git/git-repository.js";
import { restoreFilesFromTree } from "../../workspace/git/restore-files.js";
import { snapshotWorkingTree } from "../../workspace/git/snapshot-working-tree.js";
import { treeWithPathsFrom } from "../../workspace/git/tree-with-paths-from.js";
import { requireGitRepository } from "../checkpoints/require-git-repository.js";
import { isRunnerBookkeeping } from "../checkpoints/runner-bookkeeping.js";

/** The main working tree as it is now, as a commit on HEAD (no branch moves): a wave's starting point. */
export async function baseCommit(repository: GitRepository, message: string): Promise<string> {
  const tree = await snapshotWorkingTree(repository);
  const head = await headCommit(repository);
  return commitTree(repository, tree, head === undefined ? [] : [head], message);
}

/**
 * The main working tree as it will be once `candidate` (what the wave merged since `applied`, the tree last
 * written there) is written into it, as a commit on HEAD: the next wave's base, made while the candidate's
 * tests still run. The same paths `applyToMainTree` would write are taken from the candidate, so the base
 * matches what the main tree then holds (the person's edits in it included).
 */
export async function nextBase(
  repository: GitRepository,
  spec: string,
  applied: string,
  candidate: string,
  message: string,
): Promise<string> {
  const [snapshot, paths] = await Promise.all([
    snapshotWorkingTree(repository),
    mergedPaths(repository, spec, applied, candidate),
  ]);
  const tree = await treeWithPathsFrom(repository, snapshot, candidate, paths);
  const head = await headCommit(repository);
  return commitTree(repository, tree, head === undefined ? [] : [head], message);
}

/** The worktree's state as a commit on `base`, with the runner's bookkeeping (task marks, logs) as in `base`. */
export async function commitTaskWork(
  repository: GitRepository,
  worktreePath: string,
  spec: string,
  base: string,
  taskId: string,
): Promise<string> {
  const worktree = await requireGitRepository(worktreePath);
  // The worktree shares the repository's objects; the main tree's prefix says where the bookkeeping is.
  return taskWorkCommit(repository, spec, base, await snapshotWorkingTree(worktree), taskId);
}

/**
 * A task's state (a tree or a commit, e.g. its "after" checkpoint) as a commit on `base`, with the runner's
 * bookkeeping as in `base`: what the task did and nothing of the runner, so two tasks never conflict on marks.
 */
export async function taskWorkCommit(
  repository: GitRepository,
  spec: string,
  base: string,
  state: string,
  taskId: string,
): Promise<string> {
  const bookkeeping = (await diffTrees(repository, base, state))
    .map((change) => change.path)
    .filter((path) => isRunnerBookkeeping(path, repository.prefix, spec));
  const clean = await treeWithPathsFrom(repository, state, base, bookkeeping);
  return commitTree(repository, clean, [base], `specwright: task ${taskId}`);
}

/**
 * What the wave merged since `from` (the tree last written), written into the main working tree (its
 * bookkeeping is its own): only the paths that changed since then, so a file a person edits during the
 * run is not written again for a later task that did not touch it.
 */
export async function applyToMainTree(
  repository: GitRepository,
  spec: string,
  from: string,
  to: string,
): Promise<void> {
  const paths = await mergedPaths(repository, spec, from, to);
  if (paths.length > 0) await restoreFilesFromTree(repository, to, paths);
}

/** The paths a wave's merges changed from `from` to `to`, the runner's bookkeeping left out. */
async function mergedPaths(repository: GitRepository, spec: string, from: string, to: string): Promise<string[]> {
  return (await diffTrees(repository, from, to))
    .map((change) => change.path)
    .filter((path) => !isRunnerBookkeeping(path, repository.prefix, spec));
}
