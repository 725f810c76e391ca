import type { Task, TaskReferenceLine } from "./task-types.js";

/** The ids a task's own `_Requirements: …_` (or `**Validates: …**`) lines name, in order; sub-tasks not included. */
export function taskReferenceIds(task: Task, kind: TaskReferenceLine["kind"]): string[] {
  return task.references.filter((line) => line.kind === kind).flatMap((line) => line.references.ids);
}
