/** Why a task waits for another: the marker that said so, for `--dry-run` and the run log. */
export type WaveDependencyReason = "order" | "depends" | "after" | "kiro-waves" | "checkpoint" | "sub-task";

/** One group of tasks that may run at the same time: none of them waits for another of the same wave. */
export interface TaskWave {
  /** 1-based, in the order the waves run. */
  readonly index: number;
  readonly taskIds: readonly string[];
  /** A wave holding a checkpoint task: it runs alone, on everything before it. */
  readonly barrier: boolean;
}

export interface WavePlan {
  readonly waves: readonly TaskWave[];
  /** For each planned task, the planned tasks it waits for and why (done tasks count as satisfied). */
  readonly dependencies: Readonly<
    Record<string, readonly { readonly taskId: string; readonly reason: WaveDependencyReason }[]>
  >;
  /** Where the grouping came from: Kiro's `tasks.meta.json` waves, markers in tasks.md, or plain order. */
  readonly source: "kiro-waves" | "markers" | "order";
}

/** Kiro's `tasks.meta.json` field: `{"waves": [["1","2"],["3","4","5"]]}`. */
export interface KiroWaves {
  readonly waves?: readonly (readonly string[])[];
}
