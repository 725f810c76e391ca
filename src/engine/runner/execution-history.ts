import { TasksMetaSchema } from "../../model/settings/tasks-meta-schema.js";
import type { Task } from "../../model/tasks/task-types.js";

/** One run of one task as `tasks.meta.json` records it under `executionHistory["<id> <title>"]`. */
export interface ExecutionHistoryEntry {
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly status: "success" | "failure";
  readonly verification: { readonly command: string; readonly passed: boolean } | undefined;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly source: "specwright";
}

/** The key Kiro uses: the task line's text without the checkbox, e.g. `2.2 Write tests` or `1. Setup`. */
export function executionHistoryKey(task: Task): string {
  return task.rawId === undefined ? task.title : `${task.rawId} ${task.title}`;
}

export type HistoryEdit =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string };

/**
 * `tasks.meta.json` with one more entry in the task's history; every other key is kept as written
 * (Kiro's own `pbtResults` included). A file that is not a JSON object is left alone and reported.
 */
export function addExecutionHistoryEntry(
  text: string | undefined,
  key: string,
  entry: ExecutionHistoryEntry,
): HistoryEdit {
  let value: unknown = {};
  if (text !== undefined && text.trim() !== "") {
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, reason: "tasks.meta.json is not valid JSON" };
    }
  }
  const parsed = TasksMetaSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: "tasks.meta.json does not have Kiro's shape" };
  const meta = parsed.data;
  const history = { ...(meta.executionHistory ?? {}) };
  const previous = history[key];
  history[key] = [...(Array.isArray(previous) ? previous : previous === undefined ? [] : [previous]), entry];
  const indent = text?.match(/\n([ \t]+)"/)?.[1] ?? "  ";
  return { ok: true, text: `${JSON.stringify({ ...meta, executionHistory: history }, null, indent)}\n` };
}
