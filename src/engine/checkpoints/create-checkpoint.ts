import {
  commitTree,
  readStoredCommit,
  updateAndDeleteRefs,
  updateRef,
} from "../../workspace/git/checkpoint-commits.js";
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
  /** An "after" checkpoint's parent when the caller holds it (the task's "before"), so it need not be read back. */
  readonly parent?: string;
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
      ? (options.parent ??
        (await readStoredCommit(repository, checkpointRef(options.spec, options.taskId, "before")))?.commit ??
        (await headCommit(repository)))
      : await headCommit(repository);
  const message = checkpointMessage(options);
  // Whole seconds, as git stores it: the date returned is the one a later read of the ref gives.
  const createdAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const commit = await commitTree(repository, tree, parent === undefined ? [] : [parent], message, createdAt);
  const reason = `specwright: ${options.stage} task ${options.taskId}`;
  if (options.stage === "before") {
    await updateAndDeleteRefs(
      repository,
      { ref, commit },
      [checkpointRef(options.spec, options.taskId, "after")],
      reason,
    );
  } else {
    await updateRef(repository, ref, commit, reason);
  }
  return { ref, commit, tree, createdAt: createdAt.toISOString() };
}
