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

/** A property-test task's latest result, as `pbtResults["<id> <title>"]` keeps it (`status` is Kiro's key). */
export interface PbtResult {
  readonly status: "passed" | "failed";
  readonly properties: readonly string[];
  readonly runId: string;
  readonly finishedAt: string;
  readonly source: "specwright";
}

export type HistoryEdit =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string };

/**
 * `tasks.meta.json` with one more entry in the task's history (and, for a property-test task, its latest
 * result in `pbtResults`); every other key is kept as written. A file that is not a JSON object is left alone and reported.
 */
export function addExecutionHistoryEntry(
  text: string | undefined,
  key: string,
  entry: ExecutionHistoryEntry,
  pbtResult?: PbtResult,
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
  const pbtResults = pbtResult === undefined ? meta.pbtResults : { ...(meta.pbtResults ?? {}), [key]: pbtResult };
  const next = { ...meta, ...(pbtResults === undefined ? {} : { pbtResults }), executionHistory: history };
  return { ok: true, text: `${JSON.stringify(next, null, indent)}\n` };
}
