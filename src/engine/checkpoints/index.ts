export type { RestoredPath } from "../../workspace/git/restore-files.js";
export { CHECKPOINT_REF_PREFIX, checkpointRef, REVERT_BACKUP_STAGE } from "./checkpoint-ref.js";
export { checkpointRoot } from "./checkpoint-root.js";
export type {
  ChangeTotals,
  Checkpoint,
  CheckpointStage,
  FileChange,
  RevertedFile,
  RevertResult,
  TaskChanges,
} from "./checkpoint-types.js";
export { type CreateCheckpointOptions, createCheckpoint } from "./create-checkpoint.js";
export { requireGitRepository } from "./require-git-repository.js";
export { type RestorePathsOptions, restorePaths } from "./restore-paths.js";
export { type RevertTaskOptions, revertTask } from "./revert-task.js";
export { isRunnerBookkeeping } from "./runner-bookkeeping.js";
export { type TaskChangesOptions, taskChanges, taskDiff } from "./task-changes.js";
export {
  snapshotTree,
  type WorkingTreeDiffOptions,
  workingTreeDiffSince,
  workingTreePatchSince,
} from "./working-tree-diff.js";
