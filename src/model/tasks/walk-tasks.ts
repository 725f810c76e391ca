import type { Task } from "./task-types.js";

/**
 * Flattened trees by their root list. Parsed documents are never changed in place, and `check` runs seven
 * rules that each flatten every spec's tasks: the walk is done once, each caller gets its own copy.
 */
const flattened = new WeakMap<readonly Task[], readonly Task[]>();

/** Every task of a tree in document order, without recursion (task lists can nest a thousand deep). */
export function flattenTasks(tasks: readonly Task[]): Task[] {
  let result = flattened.get(tasks);
  if (result === undefined) {
    result = walkTasks(tasks);
    flattened.set(tasks, result);
  }
  return result.slice();
}

function walkTasks(tasks: readonly Task[]): Task[] {
  const result: Task[] = [];
  const stack: Task[] = [...tasks].reverse();
  for (let task = stack.pop(); task !== undefined; task = stack.pop()) {
    result.push(task);
    for (let index = task.children.length - 1; index >= 0; index--) {
      const child = task.children[index];
      if (child) stack.push(child);
    }
  }
  return result;
}

/** The task with this id (`2.1` also finds a task written `2.1.`). */
export function findTask(tasks: readonly Task[], id: string): Task | undefined {
  const wanted = id.replace(/\.$/, "");
  return flattenTasks(tasks).find((task) => task.id === wanted);
}
