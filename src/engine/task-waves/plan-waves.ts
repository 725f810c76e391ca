import { readStoredWaves } from "../../model/settings/tasks-meta-waves.js";
import type { TasksDocument } from "../../model/tasks/task-types.js";
import { planRun, type RunPlan } from "../runner/plan-run.js";
import { computeWaves } from "./compute-waves.js";
import type { KiroWaves, WavePlan } from "./task-waves-types.js";

export interface PlannedWaves extends WavePlan {
  readonly plan: RunPlan;
}

/** `run --all --parallel`: every task not done yet (as `run --all` picks them), grouped into waves. */
export function planWaves(
  document: TasksDocument,
  kiro: KiroWaves | undefined,
  selection: {
    readonly taskIds?: readonly string[];
    readonly includeOptional?: boolean;
    readonly resume?: readonly string[];
  },
): PlannedWaves {
  const plan = planRun(document, {
    taskIds: selection.taskIds ?? [],
    all: (selection.taskIds ?? []).length === 0,
    includeOptional: selection.includeOptional === true,
    resume: selection.resume ?? [],
  });
  return { ...computeWaves(document, plan.tasks, kiro), plan };
}

/** Kiro's `waves` from the content of tasks.meta.json; anything else in the file is not ours to judge. */
export function readKiroWaves(metaText: string | undefined): KiroWaves | undefined {
  if (metaText === undefined) return undefined;
  try {
    const waves = readStoredWaves(JSON.parse(metaText));
    return waves === undefined ? undefined : { waves };
  } catch {
    return undefined;
  }
}
