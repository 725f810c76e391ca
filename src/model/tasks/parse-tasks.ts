import { indentWidth, scanMarkdown } from "../markdown/scan-markdown.js";
import type { Diagnostic } from "../source/diagnostic.js";
import { lineLocation, linesLocation, type SourceLine, splitSourceText } from "../source/source-text.js";
import { objectList } from "../text/object-list.js";
import { parseTaskDetail } from "./parse-task-detail.js";
import { parseTaskLine, type TaskLine } from "./parse-task-line.js";
import type {
  Task,
  TaskDetail,
  TaskMetadata,
  TaskPropertyReference,
  TaskReferenceLine,
  TasksDocument,
} from "./task-types.js";

interface TaskDraft {
  readonly parsed: TaskLine;
  readonly line: SourceLine;
  readonly lineIndex: number;
  readonly depth: number;
  lastLineIndex: number;
  readonly details: TaskDetail[];
  readonly references: TaskReferenceLine[];
  readonly properties: TaskPropertyReference[];
  readonly metadata: TaskMetadata[];
  readonly children: TaskDraft[];
}

/**
 * Deeper tasks are read as siblings at this depth (with a diagnostic): no real plan nests this deep, and a
 * bounded tree keeps every walk over it (and this parser) linear and off the call stack's limits.
 */
export const MAX_TASK_DEPTH = 100;

// Kiro names checkpoint tasks in the plan's language: `检查点 - 确保…`, `チェックポイント`, `체크포인트`.
const CHECKPOINT_WORDS =
  "checkpoint(?![\\p{L}\\p{N}_])|检查点|檢查點|チェックポイント|체크포인트|punto de control|ponto de verificação|نقطة تفتيش|จุดตรวจสอบ|điểm kiểm tra";
const CHECKPOINT = new RegExp(`^(?:\\*\\*)?(?:[\\p{L}\\p{N}]+\\s+){0,2}(?:${CHECKPOINT_WORDS})`, "iu");
/** A cheap search that CHECKPOINT's match implies: most titles do not mention a checkpoint at all. */
const MENTIONS_CHECKPOINT =
  /checkpoint|检查点|檢查點|チェックポイント|체크포인트|punto de control|ponto de verificação|نقطة تفتيش|จุดตรวจสอบ|điểm kiểm tra/iu;

/**
 * Reads a tasks.md into a tree of tasks. Nesting follows list indentation, as Kiro writes it; detail lines
 * belong to the innermost open task they are indented under. A heading or an unindented paragraph closes
 * every open task. Never throws: what is not understood stays in the text and may produce a diagnostic.
 */
export function parseTasks(text: string): TasksDocument {
  const source = splitSourceText(text);
  const scanned = scanMarkdown(source);
  const diagnostics: Diagnostic[] = [];
  const roots: TaskDraft[] = [];
  const open: TaskDraft[] = [];
  let title: string | undefined;
  let tooDeep = false;

  scanned.forEach((entry, lineIndex) => {
    const { line, kind } = entry;
    if (kind.type === "heading") {
      closeTo(open, 0);
      if (kind.level === 1 && title === undefined) title = kind.title;
      return;
    }
    if (kind.type === "blank") return;
    if (kind.type === "code" || kind.type === "fence") {
      const owner = open.at(-1);
      if (owner && indentWidth(line.text) > owner.parsed.indent) owner.lastLineIndex = lineIndex;
      else if (kind.type === "fence" && kind.opens) closeTo(open, 0);
      return;
    }
    // A task's checkbox comes right after the list marker: other list items need not be matched against TASK_LINE.
    const taskLine =
      kind.type === "list-item" && kind.content.startsWith("[") ? parseTaskLine(line.text, indentWidth) : undefined;
    if (taskLine?.status === undefined && taskLine !== undefined) {
      diagnostics.push({
        code: "tasks/unknown-marker",
        severity: "warning",
        message: `\`[${taskLine.marker}]\` is not a task marker Kiro knows, so this line is not read as a task.`,
        fix: "Use `[ ]` (to do), `[-]` (in progress), `[~]` (queued) or `[x]` (done).",
        location: lineLocation(line, Math.max(0, taskLine.markerIndex - 1), taskLine.markerIndex + 2),
      });
    }
    if (taskLine?.status !== undefined) {
      // Flat numbering (`- [ ] 9. Group` then `- [ ] 9.1 …` at the same indentation): the ids say 9.1 is a child.
      while ((open.at(-1)?.parsed.indent ?? -1) >= taskLine.indent && !isIdChild(taskLine, open.at(-1))) {
        closeTo(open, open.length - 1);
      }
      if (open.length > MAX_TASK_DEPTH) {
        closeTo(open, MAX_TASK_DEPTH);
        if (!tooDeep) {
          tooDeep = true;
          diagnostics.push({
            code: "tasks/too-deep",
            severity: "warning",
            message: `Tasks are nested more than ${MAX_TASK_DEPTH} levels deep; deeper tasks are read as siblings at level ${MAX_TASK_DEPTH}.`,
            fix: "Flatten the plan: a task with sub-tasks two or three levels deep is easier to follow.",
            location: lineLocation(line),
          });
        }
      }
      const parent = open.at(-1);
      const draft: TaskDraft = {
        parsed: taskLine,
        line,
        lineIndex,
        depth: parent ? parent.depth + 1 : 0,
        lastLineIndex: lineIndex,
        details: objectList(),
        references: objectList(),
        properties: objectList(),
        metadata: objectList(),
        children: objectList(),
      };
      (parent ? parent.children : roots).push(draft);
      open.push(draft);
      return;
    }
    const indent = kind.type === "list-item" || kind.type === "text" ? kind.indent : 0;
    while ((open.at(-1)?.parsed.indent ?? Number.POSITIVE_INFINITY) >= indent && open.length > 0) {
      // A line indented no deeper than a task ends it, except a `_Requirements:_` line right under the task
      // at its indentation: lazy text, or a bullet when the task is not indented under a parent (flat
      // numbering, top level). Under an indented sub-task such a bullet sits at the parent's content
      // indentation, after its sub-tasks, and is the parent's.
      const owner = open.at(-1);
      const parentIndent = open.at(-2)?.parsed.indent;
      if (
        owner &&
        indent === owner.parsed.indent &&
        owner.lastLineIndex === lineIndex - 1 &&
        (kind.type === "text" ||
          (kind.type === "list-item" &&
            (parentIndent === undefined || parentIndent === owner.parsed.indent) &&
            kind.content.startsWith("_") &&
            parseTaskDetail(line).type === "reference"))
      ) {
        break;
      }
      closeTo(open, open.length - 1);
    }
    const owner = open.at(-1);
    if (!owner) return;
    owner.lastLineIndex = lineIndex;
    addDetail(owner, line);
  });
  closeTo(open, 0);

  return { kind: "tasks", source, diagnostics, title, tasks: freezeChildren(roots, source.lines) };
}

/**
 * Closes open tasks down to `length`, each extending its parent's block to its own last line: ancestors
 * are updated once per task rather than once per line, so deep nesting stays linear.
 */
function closeTo(open: TaskDraft[], length: number): void {
  while (open.length > length) {
    const closed = open.pop();
    const parent = open.at(-1);
    if (closed && parent && closed.lastLineIndex > parent.lastLineIndex) parent.lastLineIndex = closed.lastLineIndex;
  }
}

/** Whether `task` is numbered as a direct child of `parent` (`9.1` under `9`, `9.1.2` under `9.1`). */
function isIdChild(task: TaskLine, parent: TaskDraft | undefined): boolean {
  const parentId = parent?.parsed.id;
  const id = task.id;
  if (parentId === undefined || id === undefined || parent?.parsed.indent !== task.indent) return false;
  return (
    id.length > parentId.length + 1 &&
    id.startsWith(parentId) &&
    id.charCodeAt(parentId.length) === 46 &&
    !id.includes(".", parentId.length + 1)
  );
}

function addDetail(owner: TaskDraft, line: SourceLine): void {
  const detail = parseTaskDetail(line);
  const text = line.text.trim();
  owner.details.push({ text, location: lineLocation(line, line.text.length - line.text.trimStart().length) });
  if (detail.type === "reference") owner.references.push(detail.value);
  else if (detail.type === "property") {
    owner.properties.push(detail.value);
    if (detail.validates) owner.references.push(detail.validates);
  } else if (detail.type === "metadata") owner.metadata.push(detail.value);
}

/** The tasks of a list, in an array of the one class every task list has (see `objectList`). */
function freezeChildren(drafts: readonly TaskDraft[], lines: readonly SourceLine[]): Task[] {
  const children = objectList<Task>();
  for (const child of drafts) children.push(freeze(child, lines));
  return children;
}

function freeze(draft: TaskDraft, lines: readonly SourceLine[]): Task {
  const { parsed, line } = draft;
  const last = lines[draft.lastLineIndex] ?? line;
  return {
    id: parsed.id,
    rawId: parsed.rawId,
    title: parsed.title,
    status: parsed.status ?? "todo",
    marker: parsed.marker,
    optional: parsed.optional,
    checkpoint: MENTIONS_CHECKPOINT.test(parsed.title) && CHECKPOINT.test(parsed.title),
    depth: draft.depth,
    location: lineLocation(line, line.text.length - line.text.trimStart().length),
    markerLocation: lineLocation(line, parsed.markerIndex, parsed.markerIndex + 1),
    blockLocation: linesLocation(line, last),
    details: draft.details,
    references: draft.references,
    properties: draft.properties,
    metadata: draft.metadata,
    children: freezeChildren(draft.children, lines),
    lineIndex: draft.lineIndex,
    endLineIndex: draft.lastLineIndex + 1,
  };
}
