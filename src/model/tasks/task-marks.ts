import { indentWidth, scanMarkdown } from "../markdown/scan-markdown.js";
import { splitSourceText } from "../source/source-text.js";
import { parseTaskLine } from "./parse-task-line.js";
import type { TaskStatus } from "./task-types.js";

/**
 * Calls `visit` with the status and optional mark of every task of a tasks.md, in document order. These are
 * exactly the lines `parseTasks` makes tasks of (a checkbox list item with a known marker, outside fenced
 * code); details, ids, locations and the tree are not read, so counting progress of a thousand plans costs
 * a fraction of parsing them.
 */
export function forEachTaskMark(text: string, visit: (status: TaskStatus, optional: boolean) => void): void {
  for (const { line, kind } of scanMarkdown(splitSourceText(text))) {
    if (kind.type !== "list-item" || !kind.content.startsWith("[")) continue;
    const task = parseTaskLine(line.text, indentWidth);
    if (task?.status !== undefined) visit(task.status, task.optional);
  }
}
