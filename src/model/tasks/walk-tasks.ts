import type { Task } from "./task-types.js";

/** Every task of a tree in document order, without recursion (task lists can nest a thousand deep). */
export function flattenTasks(tasks: readonly Task[]): Task[] {
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
