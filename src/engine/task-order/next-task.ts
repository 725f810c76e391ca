import type { Task } from "../../model/tasks/task-types.js";
import { type ExecutionOrderOptions, executionOrder } from "./execution-order.js";

/**
 * What to do next in a plan:
 * - `task`: the first task (in execution order) that is not done; everything before it is done.
 * - `checkpoint`: the same, but it is a checkpoint, a stop where the whole test suite must pass.
 * - `blocked`: the first unfinished task is marked in progress (`[-]`): a run is working on it, or one was
 *   interrupted; it has to be finished or reset before anything after it starts.
 * - `done`: every task in the order is done (`skippedOptional` counts unfinished optional tasks left out).
 */
export type NextTask =
  | { readonly kind: "task"; readonly task: Task }
  | { readonly kind: "checkpoint"; readonly task: Task }
  | { readonly kind: "blocked"; readonly task: Task; readonly reason: "in-progress" }
  | { readonly kind: "done"; readonly skippedOptional: number };

export function nextTask(plan: { readonly tasks: readonly Task[] }, options: ExecutionOrderOptions = {}): NextTask {
  const order = executionOrder(plan.tasks, options);
  const next = order.find((task) => task.status !== "done");
  if (next === undefined) {
    const inOrder = new Set(order);
    const everything = executionOrder(plan.tasks, { includeOptional: true });
    const skippedOptional = everything.filter((task) => task.status !== "done" && !inOrder.has(task)).length;
    return { kind: "done", skippedOptional };
  }
  if (next.status === "in-progress") return { kind: "blocked", task: next, reason: "in-progress" };
  return next.checkpoint ? { kind: "checkpoint", task: next } : { kind: "task", task: next };
}
