import type { TaskNode, TraceRow } from "../api/api-types";

/** The heat map's columns: the tree's leaf tasks in document order, then any task a row names that the tree lacks. */
export function traceColumns(tasks: readonly TaskNode[], rows: readonly TraceRow[]): readonly string[] {
  const columns: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    columns.push(id);
  };
  const walk = (nodes: readonly TaskNode[]) => {
    for (const node of nodes) {
      if (node.children.length === 0 && node.id !== null) add(node.id);
      else walk(node.children);
    }
  };
  walk(tasks);
  for (const row of rows) for (const task of row.tasks) add(task.id);
  return columns;
}
