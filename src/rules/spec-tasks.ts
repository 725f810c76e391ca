import type { Task, TasksDocument } from "../model/tasks/task-types.js";
import { flattenTasks } from "../model/tasks/walk-tasks.js";

// Six rules walk every task of every spec: flattened once per document, which is never changed once parsed.
const tasksByDocument = new WeakMap<TasksDocument, readonly Task[]>();

/** Every task of a tasks.md in document order (`flattenTasks`), shared by the rules; not to be changed. */
export function allTasks(document: TasksDocument): readonly Task[] {
  let tasks = tasksByDocument.get(document);
  if (tasks === undefined) {
    tasks = flattenTasks(document.tasks);
    tasksByDocument.set(document, tasks);
  }
  return tasks;
}
