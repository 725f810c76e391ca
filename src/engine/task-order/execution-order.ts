import type { Task } from "../../model/tasks/task-types.js";

export interface ExecutionOrderOptions {
  /** Run optional (`*`) tasks too; by default an optional task and everything under it is skipped. */
  readonly includeOptional?: boolean;
}

/**
 * The order tasks run in: document order, except that a parent comes after its children (it is done when
 * they are). Checkpoints stay where they are written, as stops. Iterative, because plans can nest deeply.
 */
export function executionOrder(tasks: readonly Task[], options: ExecutionOrderOptions = {}): Task[] {
  const order: Task[] = [];
  const included = (task: Task) => options.includeOptional === true || !task.optional;
  // Each frame is a task and whether its children were pushed already (post-order without recursion).
  const stack: { task: Task; expanded: boolean }[] = [...tasks]
    .filter(included)
    .reverse()
    .map((task) => ({ task, expanded: false }));
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (frame.expanded) {
      order.push(frame.task);
      continue;
    }
    stack.push({ task: frame.task, expanded: true });
    const children = frame.task.children.filter(included);
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      if (child) stack.push({ task: child, expanded: false });
    }
  }
  return order;
}
