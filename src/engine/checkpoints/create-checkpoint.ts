import { commitTree, deleteRef, readStoredCommit, updateRef } from "../../workspace/git/checkpoint-commits.js";
import { headCommit } from "../../workspace/git/git-repository.js";
import { snapshotWorkingTree } from "../../workspace/git/snapshot-working-tree.js";
import { checkpointMessage } from "./checkpoint-message.js";
import { checkpointRef } from "./checkpoint-ref.js";
import type { Checkpoint, CheckpointStage } from "./checkpoint-types.js";
import { requireGitRepository } from "./require-git-repository.js";

export interface CreateCheckpointOptions {
  /** The workspace root (the folder holding `.kiro/`), inside the git repository. */
  readonly root: string;
  readonly spec: string;
  readonly taskId: string;
  readonly stage: CheckpointStage;
  /** The run that took it, recorded in the commit message and the ref's log. */
  readonly runId?: string;
}

/**
 * Snapshots the whole working tree (tracked, modified and untracked-but-not-ignored files, deletions,
 * modes, symlinks: whatever made the change, shell commands included) as a commit under
 * `refs/specwright/checkpoints/<spec>/<task>/<stage>`. The user's index, HEAD, branch, stash and working
 * tree are not touched. A new "before" drops the task's old "after", which belonged to an earlier run.
 */
export async function createCheckpoint(options: CreateCheckpointOptions): Promise<Checkpoint> {
  const ref = checkpointRef(options.spec, options.taskId, options.stage);
  const repository = await requireGitRepository(options.root);
  const tree = await snapshotWorkingTree(repository);
  const parent =
    options.stage === "after"
      ? ((await readStoredCommit(repository, checkpointRef(options.spec, options.taskId, "before")))?.commit ??
        (await headCommit(repository)))
      : await headCommit(repository);
  const message = checkpointMessage(options);
  const commit = await commitTree(repository, tree, parent === undefined ? [] : [parent], message);
  await updateRef(repository, ref, commit, `specwright: ${options.stage} task ${options.taskId}`);
  if (options.stage === "before") await deleteRef(repository, checkpointRef(options.spec, options.taskId, "after"));
  const stored = await readStoredCommit(repository, ref);
  return stored ?? { ref, commit, tree, createdAt: new Date().toISOString() };
}
