import type { Task } from "./task-types.js";

/** Which marker made a task wait for another: cc-sdd's `_Depends: 2.1_` or Specwright's `_After: 2.1_`. */
export type TaskDependencyKind = "depends" | "after";

export interface TaskDependency {
  /** The task id named, e.g. `2.1`, or a parent id (`2`) standing for all its sub-tasks. */
  readonly ref: string;
  readonly kind: TaskDependencyKind;
}

const DEPENDENCY_KEYS: Readonly<Record<string, TaskDependencyKind>> = { depends: "depends", after: "after" };

/** The tasks a task's own `_Depends:_`/`_After:_` lines name (`_Depends: 1, 2.3_`), in the order written. */
export function taskDependencies(task: Task): TaskDependency[] {
  const found: TaskDependency[] = [];
  for (const entry of task.metadata) {
    const kind = DEPENDENCY_KEYS[entry.key.trim().toLowerCase()];
    if (kind === undefined) continue;
    for (const ref of entry.value.split(/[,\s]+/)) {
      const cleaned = ref.replace(/^(task|tasks)$/i, "").replace(/[.]$/, "");
      if (cleaned !== "" && /^\d+(\.\d+)*$/.test(cleaned)) found.push({ ref: cleaned, kind });
    }
  }
  return found;
}
