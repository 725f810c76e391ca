import type { MarkdownDocumentBase } from "../document/kiro-document.js";
import type { ReferenceList } from "../references/parse-references.js";
import type { SourceLocation } from "../source/source-location.js";

/** `[ ]` todo, `[x]`/`[X]` done, `[-]` in progress (Kiro sets it when a task starts), `[~]` queued. */
export type TaskStatus = "todo" | "in-progress" | "queued" | "done";

export const TASK_STATUSES: readonly TaskStatus[] = ["todo", "in-progress", "queued", "done"];

/** `_Requirements: 1.1, 2.3_` (or a localized label) or `**Validates: Requirements 1.6**` under a task. */
export interface TaskReferenceLine {
  readonly kind: "requirements" | "validates";
  /** The label as written: `Requirements`, `需求`, `Validates`. */
  readonly label: string;
  readonly references: ReferenceList;
  /** The whole detail line. */
  readonly location: SourceLocation;
  /** The list between the label's colon and the closing `_` or `**`. */
  readonly listLocation: SourceLocation;
}

/** Any other `_Key: value_` detail, such as `_Bug_Condition: …_` or `_Preservation: …_`. */
export interface TaskMetadata {
  readonly key: string;
  readonly value: string;
  readonly location: SourceLocation;
}

/** `**Property 3: Title**` on a property-test task. */
export interface TaskPropertyReference {
  readonly number: string;
  readonly title: string;
  readonly location: SourceLocation;
}

export interface TaskDetail {
  readonly text: string;
  readonly location: SourceLocation;
}

export interface Task {
  /** `2.1` for `2.1.` or `2.1`; undefined for a checkbox without a number. */
  readonly id: string | undefined;
  /** The id as written, trailing dot included. */
  readonly rawId: string | undefined;
  readonly title: string;
  readonly status: TaskStatus;
  /** The character between the brackets as written (` `, `x`, `X`, `-`, `~`). */
  readonly marker: string;
  /** `*` right after the checkbox. */
  readonly optional: boolean;
  /** A "Checkpoint" task: a pause to run the tests, with no requirement references by design. */
  readonly checkpoint: boolean;
  /** Nesting depth in the task tree, 0 for top-level tasks. */
  readonly depth: number;
  /** The task's own line. */
  readonly location: SourceLocation;
  /** The character inside the brackets. */
  readonly markerLocation: SourceLocation;
  /** From the task line to its last detail or sub-task line. */
  readonly blockLocation: SourceLocation;
  readonly details: readonly TaskDetail[];
  readonly references: readonly TaskReferenceLine[];
  readonly properties: readonly TaskPropertyReference[];
  readonly metadata: readonly TaskMetadata[];
  readonly children: readonly Task[];
  /** Index of the task line, and one past its block's last line, in `source.lines`. */
  readonly lineIndex: number;
  readonly endLineIndex: number;
}

export interface TasksDocument extends MarkdownDocumentBase {
  readonly kind: "tasks";
  readonly title: string | undefined;
  /** Top-level tasks; sub-tasks hang under `children`. */
  readonly tasks: readonly Task[];
}
