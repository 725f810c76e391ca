import type { TreeChangeKind } from "../../workspace/git/parse-diff-output.js";

/** Before the task's model runs, or after it (and its verification) finished. */
export type CheckpointStage = "before" | "after";

/** A snapshot of the whole working tree, stored as a git commit under a private ref. */
export interface Checkpoint {
  /** e.g. `refs/specwright/checkpoints/rate-limiting/2.1/before`. */
  readonly ref: string;
  readonly commit: string;
  readonly tree: string;
  /** ISO 8601 (second precision, as git records it). */
  readonly createdAt: string;
}

/**
 * One file that differs between two snapshots. `path` is relative to the repository's top folder and
 * `/`-separated; modes are git's (`100644`, `100755` executable, `120000` symlink, `000000` absent).
 */
export interface FileChange {
  readonly path: string;
  readonly kind: TreeChangeKind;
  readonly linesAdded: number;
  readonly linesRemoved: number;
  /** Line counts are 0 for a binary file. */
  readonly binary: boolean;
  readonly modeBefore: string;
  readonly modeAfter: string;
}

export interface ChangeTotals {
  readonly files: number;
  readonly added: number;
  readonly modified: number;
  readonly deleted: number;
  readonly linesAdded: number;
  readonly linesRemoved: number;
}

/** What one task changed: its files between its before and after checkpoints. */
export interface TaskChanges {
  readonly spec: string;
  readonly taskId: string;
  /** The repository's top folder; every `path` is relative to it. */
  readonly repositoryRoot: string;
  readonly before: Checkpoint;
  /** Undefined while the task has no after checkpoint (running, or its run was killed): then compared with the working tree. */
  readonly after: Checkpoint | undefined;
  readonly files: readonly FileChange[];
  readonly totals: ChangeTotals;
}

/** What reverting did to one file the task had changed. */
export interface RevertedFile {
  readonly path: string;
  /** `restored` to its earlier content, `recreated` after the task deleted it, `deleted` because the task created it. */
  readonly action: "restored" | "recreated" | "deleted";
}

export interface RevertResult {
  readonly spec: string;
  readonly taskId: string;
  readonly repositoryRoot: string;
  readonly files: readonly RevertedFile[];
  /** Files changed again since the task that `force` reverted anyway (empty without force). */
  readonly overwritten: readonly string[];
  /** True when the task's files already were as before it: nothing was written. */
  readonly alreadyReverted: boolean;
  /** The working tree just before the revert, so the revert itself can be undone (undefined when nothing was written). */
  readonly backup: Checkpoint | undefined;
  /** `.git/` files (config, hooks…) the task had changed, put back as before it; absent when none. */
  readonly gitMetadata?: readonly string[];
}

export function totalsOf(files: readonly FileChange[]): ChangeTotals {
  return {
    files: files.length,
    added: files.filter((file) => file.kind === "added").length,
    modified: files.filter((file) => file.kind === "modified").length,
    deleted: files.filter((file) => file.kind === "deleted").length,
    linesAdded: files.reduce((sum, file) => sum + file.linesAdded, 0),
    linesRemoved: files.reduce((sum, file) => sum + file.linesRemoved, 0),
  };
}
