import type { TaskNode, TraceRow } from "../api/api-types";

/** A heat map column: a task by its number, or a task line without one (keyed by its title, not linkable). */
export interface TraceColumn {
  readonly key: string;
  readonly id: string | null;
  readonly title: string | undefined;
}

/** The key a row's task is matched to its column by. */
export function traceColumnKey(task: { readonly id: string | null; readonly title?: string }): string {
  return task.id ?? `unnumbered:${task.title ?? ""}`;
}

/** The heat map's columns: the tree's leaf tasks in document order, then any task a row names that the tree lacks. */
export function traceColumns(tasks: readonly TaskNode[], rows: readonly TraceRow[]): readonly TraceColumn[] {
  const columns: TraceColumn[] = [];
  const seen = new Set<string>();
  const add = (task: { readonly id: string | null; readonly title?: string }) => {
    const key = traceColumnKey(task);
    if (seen.has(key)) return;
    seen.add(key);
    columns.push({ key, id: task.id, title: task.title });
  };
  const walk = (nodes: readonly TaskNode[]) => {
    for (const node of nodes) {
      if (node.children.length === 0) {
        // An unnumbered leaf is a column only when it covers a criterion: it has nothing else to show.
        if (node.id !== null) add(node);
      } else walk(node.children);
    }
  };
  walk(tasks);
  for (const row of rows) for (const task of row.tasks) add(task);
  return columns;
}
