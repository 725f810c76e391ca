import { diffPatch, diffTrees } from "../../workspace/git/diff-trees.js";
import type { GitRepository } from "../../workspace/git/git-repository.js";
import { snapshotWorkingTree } from "../../workspace/git/snapshot-working-tree.js";
import type { FileChange, TaskChanges } from "./checkpoint-types.js";
import { totalsOf } from "./checkpoint-types.js";
import { requireGitRepository } from "./require-git-repository.js";
import { isRunnerBookkeeping } from "./runner-bookkeeping.js";
import { readTaskCheckpoints } from "./task-checkpoints.js";

export interface TaskChangesOptions {
  /** The workspace root (the folder holding `.kiro/`), inside the git repository. */
  readonly root: string;
  readonly spec: string;
  readonly taskId: string;
}

/**
 * The files a task added, modified and deleted (lines added and removed for each) between its before and
 * after checkpoints; without an after checkpoint yet, between before and the working tree now. The
 * runner's own bookkeeping (tasks.md status, tasks.meta.json, run records) is left out.
 */
export async function taskChanges(options: TaskChangesOptions): Promise<TaskChanges> {
  const repository = await requireGitRepository(options.root);
  const { before, after } = await readTaskCheckpoints(repository, options.spec, options.taskId);
  const afterTree = after?.tree ?? (await snapshotWorkingTree(repository));
  const files = await taskFileChanges(repository, options.spec, before.tree, afterTree);
  return {
    spec: options.spec,
    taskId: options.taskId,
    repositoryRoot: repository.topLevel,
    before,
    after,
    files,
    totals: totalsOf(files),
  };
}

/**
 * The unified diff of what the task changed (as {@link taskChanges} counts it), limited to `paths`
 * (relative to the repository's top folder) when given.
 */
export async function taskDiff(options: TaskChangesOptions & { readonly paths?: readonly string[] }): Promise<string> {
  const repository = await requireGitRepository(options.root);
  const { before, after } = await readTaskCheckpoints(repository, options.spec, options.taskId);
  const afterTree = after?.tree ?? (await snapshotWorkingTree(repository));
  const files = await taskFileChanges(repository, options.spec, before.tree, afterTree);
  const wanted = options.paths === undefined ? undefined : new Set(options.paths);
  const paths = files.map((file) => file.path).filter((path) => wanted === undefined || wanted.has(path));
  return diffPatch(repository, before.tree, afterTree, paths);
}

/** The changes between two trees that belong to the task: everything but the runner's bookkeeping for `spec`. */
export async function taskFileChanges(
  repository: GitRepository,
  spec: string,
  fromTree: string,
  toTree: string,
): Promise<FileChange[]> {
  const changes = await diffTrees(repository, fromTree, toTree);
  return changes.filter((change) => !isRunnerBookkeeping(change.path, repository.prefix, spec));
}
