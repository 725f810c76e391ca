import { commitTree, readStoredCommit, updateRef } from "../../workspace/git/checkpoint-commits.js";
import { diffTrees } from "../../workspace/git/diff-trees.js";
import {
  changedGitMetadata,
  readGitMetadata,
  readGitMetadataRecord,
  restoreGitMetadata,
} from "../../workspace/git/git-metadata.js";
import type { GitRepository } from "../../workspace/git/git-repository.js";
import { restoreFilesFromTree } from "../../workspace/git/restore-files.js";
import { snapshotWorkingTree } from "../../workspace/git/snapshot-working-tree.js";
import { EngineError } from "../errors/engine-error.js";
import { checkpointMessage } from "./checkpoint-message.js";
import { checkpointRef, REVERT_BACKUP_STAGE } from "./checkpoint-ref.js";
import type { Checkpoint, FileChange, RevertedFile, RevertResult } from "./checkpoint-types.js";
import { requireGitRepository } from "./require-git-repository.js";
import { taskFileChanges } from "./task-changes.js";
import { readTaskCheckpoints } from "./task-checkpoints.js";

export interface RevertTaskOptions {
  /** The workspace root (the folder holding `.kiro/`), inside the git repository. */
  readonly root: string;
  readonly spec: string;
  readonly taskId: string;
  /** Revert even files changed again since the task's after checkpoint (or a task with no after checkpoint). */
  readonly force?: boolean;
}

/**
 * Puts the files a task changed back as they were before it: created files deleted, deleted files
 * re-created, modified ones restored (content and mode). Every other file, committed or not, stays as it
 * is. Refuses, naming the files, when one of them changed again since the task, unless `force`. The
 * working tree just before the revert is kept as a checkpoint (`…/before-revert`), so nothing is lost.
 */
export async function revertTask(options: RevertTaskOptions): Promise<RevertResult> {
  const repository = await requireGitRepository(options.root);
  const { before, after } = await readTaskCheckpoints(repository, options.spec, options.taskId);
  const force = options.force === true;
  if (after === undefined && !force) {
    throw new EngineError({
      code: "task-not-finished",
      message: `Task ${options.taskId} of spec "${options.spec}" has a before checkpoint but no after one: its run has not finished (or was stopped), so there is no telling its changes from later ones.`,
      fix: `Run \`specwright diff ${options.spec} --task ${options.taskId}\` to see every change since the task started; \`--force\` reverts all of them.`,
    });
  }
  const currentTree = await snapshotWorkingTree(repository);
  const taskFiles = await taskFileChanges(repository, options.spec, before.tree, after?.tree ?? currentTree);
  const taskPaths = new Set(taskFiles.map((file) => file.path));
  const result = { spec: options.spec, taskId: options.taskId, repositoryRoot: repository.topLevel };

  const stillDifferent = (await diffTrees(repository, before.tree, currentTree)).filter((change) =>
    taskPaths.has(change.path),
  );
  if (stillDifferent.length === 0) {
    return { ...result, files: [], overwritten: [], alreadyReverted: true, backup: undefined };
  }
  const overwritten =
    after === undefined
      ? []
      : (await diffTrees(repository, after.tree, currentTree))
          .map((change) => change.path)
          .filter((path) => taskPaths.has(path));
  if (overwritten.length > 0 && !force) {
    throw new EngineError({
      code: "changed-since-task",
      message: `Not reverting task ${options.taskId} of spec "${options.spec}": ${overwritten.length === 1 ? "this file has" : "these files have"} changed since the task: ${overwritten.join(", ")}.`,
      fix: "Look at those changes first; `--force` reverts them too (the tree before the revert is kept as a checkpoint).",
      candidates: overwritten,
    });
  }
  const backup = await storeBackup(repository, options, currentTree, after ?? before);
  await restoreFilesFromTree(repository, before.tree, [...taskPaths]);
  const gitMetadata = await restoreTaskGitMetadata(repository, options, after === undefined);
  return {
    ...result,
    files: taskFiles.map(revertedFile),
    overwritten,
    alreadyReverted: false,
    backup,
    ...(gitMetadata.length > 0 ? { gitMetadata } : {}),
  };
}

/**
 * `.git/config`, hooks and the like put back as they were before the task: the paths the run found the
 * task had changed, or, for a task whose run never finished, every one that differs.
 */
async function restoreTaskGitMetadata(
  repository: GitRepository,
  options: RevertTaskOptions,
  unfinished: boolean,
): Promise<string[]> {
  const record = await readGitMetadataRecord(repository, options.spec, options.taskId);
  if (record === undefined) return [];
  const differing = changedGitMetadata(record.before, await readGitMetadata(repository));
  const paths = unfinished ? differing : differing.filter((path) => record.changedByTask.includes(path));
  if (paths.length > 0) await restoreGitMetadata(repository, record.before, paths);
  return paths;
}

function revertedFile(change: FileChange): RevertedFile {
  const action = change.kind === "added" ? "deleted" : change.kind === "deleted" ? "recreated" : "restored";
  return { path: change.path, action };
}

async function storeBackup(
  repository: GitRepository,
  options: RevertTaskOptions,
  tree: string,
  parent: Checkpoint,
): Promise<Checkpoint> {
  const ref = checkpointRef(options.spec, options.taskId, REVERT_BACKUP_STAGE);
  const message = checkpointMessage({ spec: options.spec, taskId: options.taskId, stage: REVERT_BACKUP_STAGE });
  const commit = await commitTree(repository, tree, [parent.commit], message);
  await updateRef(repository, ref, commit, `specwright: before reverting task ${options.taskId}`);
  return (await readStoredCommit(repository, ref)) ?? { ref, commit, tree, createdAt: new Date().toISOString() };
}
