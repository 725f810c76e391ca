import type { StoredWaves } from "../../model/settings/tasks-meta-waves.js";
import type { TasksDocument } from "../../model/tasks/task-types.js";
import { executionOrder } from "../task-order/execution-order.js";
import { computeWaves } from "./compute-waves.js";
import type { WavePlan } from "./task-waves-types.js";

export interface IntendedWaves extends WavePlan {
  /** The same waves as tasks.meta.json keeps them: leaf task ids, wave by wave. */
  readonly stored: StoredWaves;
}

/**
 * The waves the plan intends, from tasks.md alone (checkpoints, `_Depends:_`/`_After:_`, `(P)`, order):
 * every leaf task, done and optional ones included, so the file describes the whole plan and not one run
 * of it. Waves already stored are not consulted: they are what this replaces.
 */
export function intendedWaves(document: TasksDocument): IntendedWaves {
  const leaves = executionOrder(document.tasks, { includeOptional: true }).filter(
    (task) => task.id !== undefined && task.children.length === 0,
  );
  const plan = computeWaves(document, leaves, undefined);
  return { ...plan, stored: plan.waves.map((wave) => [...wave.taskIds]) };
}
