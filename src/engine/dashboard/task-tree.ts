import type { Task, TaskStatus } from "../../model/tasks/task-types.js";

/** A task as the spec page shows it: marker, flags and references, sub-tasks nested. */
export interface TaskNode {
  readonly id: string | null;
  readonly title: string;
  readonly status: TaskStatus;
  readonly marker: string;
  readonly optional: boolean;
  readonly checkpoint: boolean;
  readonly line: number;
  /** Criterion ids of `_Requirements:_` and `Validates:` lines, as written. */
  readonly references: readonly string[];
  readonly properties: readonly string[];
  readonly children: readonly TaskNode[];
}

export function taskTree(tasks: readonly Task[]): TaskNode[] {
  return tasks.map((task) => ({
    id: task.id ?? null,
    title: task.title,
    status: task.status,
    marker: task.marker,
    optional: task.optional,
    checkpoint: task.checkpoint,
    line: task.location.line,
    references: [...new Set(task.references.flatMap((line) => [...line.references.ids]))],
    properties: task.properties.map((property) => property.number),
    children: taskTree(task.children),
  }));
}
