import type { TaskStatus } from "./task-types.js";

/** The pieces of a checkbox list item, with string indexes into the line for surgical edits. */
export interface TaskLine {
  readonly indent: number;
  /** Index of the character between the brackets. */
  readonly markerIndex: number;
  readonly marker: string;
  readonly status: TaskStatus | undefined;
  readonly optional: boolean;
  /** Index just after `]` (where an optional `*` sits or would be inserted). */
  readonly afterCheckboxIndex: number;
  readonly rawId: string | undefined;
  readonly id: string | undefined;
  readonly title: string;
}

// `[ ]\*` is what markdown formatters make of `[ ]*`; Kiro users' files contain both.
const TASK_LINE = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+\[(.)\]((?:\\)?\*)?[ \t]*(.*)$/;
const TASK_ID = /^(\d+(?:\.\d+)*)(\.?)(?=[ \t:)]|$)[ \t]*:?[ \t]*/;

export const STATUS_BY_MARKER: Readonly<Record<string, TaskStatus>> = {
  " ": "todo",
  x: "done",
  X: "done",
  "-": "in-progress",
  "~": "queued",
};

export const MARKER_BY_STATUS: Readonly<Record<TaskStatus, string>> = {
  todo: " ",
  done: "x",
  "in-progress": "-",
  queued: "~",
};

export function parseTaskLine(text: string, indentOf: (leading: string) => number): TaskLine | undefined {
  const match = TASK_LINE.exec(text);
  if (!match) return undefined;
  const leading = match[1] ?? "";
  const bullet = match[2] ?? "-";
  const marker = match[3] ?? " ";
  const optional = match[4] !== undefined;
  const rest = match[5] ?? "";
  const markerIndex = text.indexOf("[", leading.length + bullet.length) + 1;
  const idMatch = TASK_ID.exec(rest);
  const rawId = idMatch ? `${idMatch[1] ?? ""}${idMatch[2] ?? ""}` : undefined;
  return {
    indent: indentOf(leading),
    markerIndex,
    marker,
    status: STATUS_BY_MARKER[marker],
    optional,
    afterCheckboxIndex: markerIndex + 2,
    rawId,
    id: idMatch?.[1],
    title: (idMatch ? rest.slice(idMatch[0].length) : rest).trim(),
  };
}
