import { readRunSummaries } from "../../workspace/run-log/read-run-summaries.js";
import { listSpecFolders } from "../../workspace/spec-folders.js";
import type { RunSummary, TaskOutcome } from "../runner/run-summary.js";
import type { DashboardRoot } from "./dashboard-roots.js";

/** How many finished runs from the run records a listing shows by default. */
export const RECORDED_RUNS_LIMIT = 50;

/** A finished run as its summary on disk tells it (`.kiro/specs/<spec>/runs/<id>.summary.json`); read-only. */
export interface RecordedRun {
  readonly source: "disk";
  /** The engine's run id (the summary's file name). */
  readonly runId: string;
  readonly root: string;
  readonly spec: string;
  readonly mode?: string;
  readonly state: "done" | "failed";
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly tasks: readonly Pick<TaskOutcome, "taskId" | "title" | "status" | "usage">[];
  readonly skipped: RunSummary["skipped"];
  readonly totals: { readonly inputTokens: number; readonly outputTokens: number; readonly costUsd: number | null };
  readonly stoppedEarly?: string;
  readonly ok: boolean;
}

/**
 * The finished runs of every root from their summaries on disk, newest first, at most `limit`: the runs of
 * earlier dashboard starts and of `specwright run`. A summary without a run id or start time is left out.
 */
export async function recordedRuns(
  roots: readonly DashboardRoot[],
  limit: number = RECORDED_RUNS_LIMIT,
): Promise<RecordedRun[]> {
  const runs: RecordedRun[] = [];
  for (const root of roots) {
    for (const folder of await listSpecFolders(root.path)) {
      for (const summary of await readRunSummaries(folder.path)) {
        const run = recordedRun(root.id, folder.name, summary);
        if (run !== undefined) runs.push(run);
      }
    }
  }
  runs.sort((left, right) => right.startedAt.localeCompare(left.startedAt));
  return runs.slice(0, Math.max(0, limit));
}

function recordedRun(root: string, spec: string, value: unknown): RecordedRun | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const summary = value as Partial<RunSummary>;
  if (typeof summary.runId !== "string" || typeof summary.startedAt !== "string") return undefined;
  const tasks = Array.isArray(summary.tasks) ? summary.tasks : [];
  const totals = summary.totals;
  return {
    source: "disk",
    runId: summary.runId,
    root,
    spec,
    ...(typeof summary.mode === "string" ? { mode: summary.mode } : {}),
    state: summary.ok === true ? "done" : "failed",
    startedAt: summary.startedAt,
    ...(typeof summary.finishedAt === "string" ? { endedAt: summary.finishedAt } : {}),
    tasks: tasks.map((task) => ({
      taskId: task.taskId,
      title: task.title,
      status: task.status,
      usage: task.usage ?? { inputTokens: 0, outputTokens: 0 },
    })),
    skipped: Array.isArray(summary.skipped) ? summary.skipped : [],
    totals: {
      inputTokens: totals?.inputTokens ?? 0,
      outputTokens: totals?.outputTokens ?? 0,
      costUsd: totals?.costUsd ?? null,
    },
    ...(typeof summary.stoppedEarly === "string" ? { stoppedEarly: summary.stoppedEarly } : {}),
    ok: summary.ok === true,
  };
}
