import type { RunEvent } from "../runner/run-events.js";
import type { RunSummary, TaskOutcome } from "../runner/run-summary.js";

/** How a verified task's work came back into the main tree, or why it goes back to run again. */
export type WaveMergeResult = "fast-forward" | "merged" | "conflict" | "verify-failed";

/**
 * A parallel run's events: the runner's own (a task's tagged with its wave and worktree, relative to the
 * workspace root) and the waves'.
 */
export type WaveRunEvent =
  | (RunEvent & { readonly wave?: number; readonly worktree?: string })
  | {
      readonly type: "wave-start";
      readonly wave: number;
      readonly taskIds: readonly string[];
      readonly base: string;
      /** Its tasks started while the tests of the wave before it ran their last merge. */
      readonly ahead?: boolean;
    }
  | {
      readonly type: "wave-merge";
      readonly wave: number;
      readonly taskId: string;
      readonly result: WaveMergeResult;
      readonly commit?: string;
      /** Tasks done at the same time, merged together and tested once, on their last merged tree. */
      readonly testedTogether?: readonly string[];
    }
  | { readonly type: "wave-rerun"; readonly wave: number; readonly taskId: string; readonly reason: WaveMergeResult }
  | {
      readonly type: "wave-end";
      readonly wave: number;
      readonly done: readonly string[];
      readonly rerun: readonly string[];
    }
  | { readonly type: "worktrees-cleaned"; readonly paths: readonly string[] };

export interface WaveRecord {
  readonly index: number;
  readonly taskIds: readonly string[];
  /** Task id → its worktree (relative to the workspace root) while it ran. */
  readonly worktrees: Readonly<Record<string, string>>;
  readonly merged: readonly { readonly taskId: string; readonly result: WaveMergeResult }[];
  /** Tasks that went back to run alone on the merged tree. */
  readonly rerun: readonly string[];
}

export interface WaveRunSummary extends RunSummary {
  readonly parallel: number;
  readonly waves: readonly WaveRecord[];
  readonly tasks: readonly (TaskOutcome & { readonly wave: number; readonly worktree: string })[];
}
