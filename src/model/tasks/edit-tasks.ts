import { type EditResult, editApplied, editRefused } from "../edit/edit-result.js";
import { parseReferenceList } from "../references/parse-references.js";
import { deleteLine, insertLinesAfter } from "../source/insert-lines.js";
import { MARKER_BY_STATUS } from "./parse-task-line.js";
import { parseTasks } from "./parse-tasks.js";
import { isRefusal, resolveTask } from "./resolve-task.js";
import type { Task, TaskStatus, TasksDocument } from "./task-types.js";

/**
 * Surgical edits of tasks.md: each changes only the bytes it must (one marker character, one `*`, one
 * reference list, or inserted lines) and keeps everything else, line endings included.
 */

export function setTaskStatus(text: string, id: string, status: TaskStatus): EditResult {
  return withTask(text, id, (task) => {
    if (task.status === status) return editApplied(text, []);
    const marker = MARKER_BY_STATUS[status];
    return editApplied(text, [{ offset: task.markerLocation.offset, length: 1, text: marker }]);
  });
}

export function setTaskOptional(text: string, id: string, optional: boolean): EditResult {
  return withTask(text, id, (task) => {
    if (task.optional === optional) return editApplied(text, []);
    const afterCheckbox = task.markerLocation.offset + 2;
    return editApplied(text, [
      optional
        ? { offset: afterCheckbox, length: 0, text: "*" }
        : { offset: afterCheckbox, length: text[afterCheckbox] === "\\" ? 2 : 1, text: "" },
    ]);
  });
}

export function addTaskReference(text: string, id: string, reference: string): EditResult {
  const wanted = reference.trim();
  if (!/^[A-Za-z]?\d+[a-z]?(?:\.\d+[a-z]?)*$/.test(wanted)) return refuseReference(wanted);
  return withTask(text, id, (task, document) => {
    const line = task.references.find((entry) => entry.kind === "requirements");
    if (line) {
      if (line.references.ids.includes(wanted)) return editApplied(text, []);
      const list = text.slice(line.listLocation.offset, line.listLocation.endOffset);
      const insertion = list.trim() === "" ? wanted : `, ${wanted}`;
      const end = line.listLocation.offset + list.trimEnd().length;
      return editApplied(text, [{ offset: end, length: 0, text: insertion }]);
    }
    const ownDetails = task.details.filter((detail) => !isInsideChild(task, detail.location.line));
    const lastOwnLine = ownDetails.at(-1)?.location.line ?? task.location.line;
    const prefix = detailPrefix(document, task, ownDetails[0]?.location.line);
    return editApplied(text, [
      insertLinesAfter(document.source, lastOwnLine - 1, [`${prefix}_Requirements: ${wanted}_`]),
    ]);
  });
}

export function removeTaskReference(text: string, id: string, reference: string): EditResult {
  const wanted = reference.trim();
  return withTask(text, id, (task, document) => {
    for (const line of task.references) {
      if (line.kind !== "requirements" || !line.references.ids.includes(wanted)) continue;
      const list = text.slice(line.listLocation.offset, line.listLocation.endOffset);
      const removal = removalSpan(list, wanted);
      if (!removal) continue;
      if (list.slice(0, removal.start).trim() === "" && list.slice(removal.end).trim() === "") {
        return editApplied(text, [deleteLine(document.source, line.location.line - 1)]);
      }
      return editApplied(text, [
        { offset: line.listLocation.offset + removal.start, length: removal.end - removal.start, text: "" },
      ]);
    }
    return editApplied(text, []);
  });
}

export interface NewTask {
  readonly title: string;
  /** Add as a sub-task of this task; otherwise a new top-level task. */
  readonly parentId?: string;
  readonly optional?: boolean;
  readonly requirements?: readonly string[];
}

/** Appends a task after the last sibling, numbered after it and written in the siblings' style. */
export function appendTask(text: string, task: NewTask): EditResult & { readonly id?: string } {
  const title = task.title.replace(/\s+/g, " ").trim();
  if (title === "") {
    return editRefused({ code: "empty-title", message: "A task needs a title.", fix: "Give the task a title." });
  }
  const document = parseTasks(text);
  let parent: Task | undefined;
  if (task.parentId !== undefined) {
    const resolved = resolveTask(document, task.parentId);
    if (isRefusal(resolved)) return editRefused(resolved);
    parent = resolved;
  }
  const siblings = parent ? parent.children : document.tasks;
  const lastSibling = siblings.at(-1);
  const id = nextId(parent?.id, siblings);
  const trailingDot = lastSibling ? (lastSibling.rawId?.endsWith(".") ?? false) : parent === undefined;
  const indent = lastSibling ? leadingOf(document, lastSibling) : parent ? `${leadingOf(document, parent)}  ` : "";
  const bullet = lastSibling ? bulletOf(document, lastSibling) : parent ? bulletOf(document, parent) : "-";
  const optional = task.optional ? "*" : "";
  const lines = [`${indent}${bullet} [ ]${optional} ${id}${trailingDot ? "." : ""} ${title}`];
  if (task.requirements && task.requirements.length > 0) {
    lines.push(`${indent}  - _Requirements: ${task.requirements.join(", ")}_`);
  }
  const afterIndex = parent
    ? parent.endLineIndex - 1
    : lastSibling
      ? lastSibling.endLineIndex - 1
      : lastContentLine(document);
  const result = editApplied(text, [insertLinesAfter(document.source, afterIndex, lines)]);
  return { ...result, id };
}

/** The span of the list entry naming `id`, with the separator before it (or after it, for the first entry). */
function removalSpan(list: string, id: string): { start: number; end: number } | undefined {
  const entry = /[^,;，、]+/g;
  let previousEnd: number | undefined;
  for (let match = entry.exec(list); match; match = entry.exec(list)) {
    const start = match.index;
    const end = start + match[0].length;
    if (parseReferenceList(match[0]).ids.includes(id)) {
      if (previousEnd !== undefined) return { start: previousEnd, end };
      const next = /^[,;，、]\s*/.exec(list.slice(end));
      const leading = match[0].length - match[0].trimStart().length;
      return { start: start + leading, end: end + (next?.[0].length ?? 0) };
    }
    previousEnd = end;
  }
  return undefined;
}

function nextId(parentId: string | undefined, siblings: readonly Task[]): string {
  let highest = 0;
  for (const sibling of siblings) {
    const last = Number(sibling.id?.split(".").at(-1));
    if (Number.isInteger(last) && last > highest) highest = last;
  }
  return parentId === undefined ? String(highest + 1) : `${parentId}.${highest + 1}`;
}

function leadingOf(document: TasksDocument, task: Task): string {
  const line = document.source.lines[task.lineIndex]?.text ?? "";
  return line.slice(0, line.length - line.trimStart().length);
}

function bulletOf(document: TasksDocument, task: Task): string {
  const line = document.source.lines[task.lineIndex]?.text.trimStart() ?? "-";
  return /^([-*+]|\d+[.)])/.exec(line)?.[1] ?? "-";
}

function detailPrefix(document: TasksDocument, task: Task, firstDetailLine: number | undefined): string {
  const detail = firstDetailLine === undefined ? undefined : document.source.lines[firstDetailLine - 1]?.text;
  const bullet = detail ? /^[ \t]*[-*+][ \t]+/.exec(detail)?.[0] : undefined;
  return bullet ?? `${leadingOf(document, task)}  - `;
}

function isInsideChild(task: Task, line: number): boolean {
  return task.children.some((child) => line - 1 >= child.lineIndex && line - 1 < child.endLineIndex);
}

function lastContentLine(document: TasksDocument): number {
  const lines = document.source.lines;
  for (let index = lines.length - 1; index >= 0; index--) {
    if ((lines[index]?.text.trim() ?? "") !== "") return index;
  }
  return lines.length - 1;
}

function refuseReference(reference: string): EditResult {
  return editRefused({
    code: "invalid-reference",
    message: `"${reference}" is not a criterion id.`,
    fix: "Give a criterion id such as 1.2 (requirement 1, criterion 2) or a requirement id such as 3.",
  });
}

function withTask(text: string, id: string, apply: (task: Task, document: TasksDocument) => EditResult): EditResult {
  const document = parseTasks(text);
  const task = resolveTask(document, id);
  return isRefusal(task) ? editRefused(task) : apply(task, document);
}
