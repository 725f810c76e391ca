import { forEachTaskMark } from "../../model/tasks/task-marks.js";
import type { Task, TaskStatus } from "../../model/tasks/task-types.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";

export interface TaskCounts {
  readonly total: number;
  readonly done: number;
  readonly inProgress: number;
  readonly queued: number;
  readonly todo: number;
}

/** Progress of a plan, required and optional tasks apart: optional tasks do not block completion. */
export interface TaskProgress {
  readonly required: TaskCounts;
  readonly optional: TaskCounts;
}

export function countTasks(tasks: readonly Task[]): TaskProgress {
  const required = { total: 0, done: 0, inProgress: 0, queued: 0, todo: 0 };
  const optional = { total: 0, done: 0, inProgress: 0, queued: 0, todo: 0 };
  for (const task of flattenTasks(tasks)) {
    const counts = task.optional ? optional : required;
    counts.total++;
    counts[FIELD_BY_STATUS[task.status]]++;
  }
  return { required, optional };
}

/** The same counts straight from a tasks.md's text, without building its tasks (status on a thousand specs). */
export function countTaskMarks(text: string): TaskProgress {
  const required = { total: 0, done: 0, inProgress: 0, queued: 0, todo: 0 };
  const optional = { total: 0, done: 0, inProgress: 0, queued: 0, todo: 0 };
  forEachTaskMark(text, (status, isOptional) => {
    const counts = isOptional ? optional : required;
    counts.total++;
    counts[FIELD_BY_STATUS[status]]++;
  });
  return { required, optional };
}

const FIELD_BY_STATUS: Readonly<Record<TaskStatus, "done" | "inProgress" | "queued" | "todo">> = {
  done: "done",
  "in-progress": "inProgress",
  queued: "queued",
  todo: "todo",
};
