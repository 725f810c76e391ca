import { extendJsonDocument, type JsonDocument, parseJsonDocument } from "../json/parse-json-document.js";
import { type TasksMeta, TasksMetaSchema } from "./tasks-meta-schema.js";
import { readStoredWaves, type StoredWaves } from "./tasks-meta-waves.js";

export interface TasksMetaDocument extends JsonDocument<TasksMeta> {
  readonly kind: "tasks-meta";
  readonly meta: TasksMeta | undefined;
  /** Task titles that have property-test results or run history. */
  readonly taskTitles: readonly string[];
  /** Kiro's `waves`, ids as strings; undefined when the file has none. */
  readonly waves: StoredWaves | undefined;
}

export function parseTasksMeta(text: string): TasksMetaDocument {
  const document = parseJsonDocument(text, TasksMetaSchema, {
    code: "tasks-meta-invalid-shape",
    fix: 'Keep `{"pbtResults": {…}, "executionHistory": {…}}` with objects keyed by task title.',
  });
  const meta = document.data;
  const taskTitles = [
    ...new Set([...Object.keys(meta?.pbtResults ?? {}), ...Object.keys(meta?.executionHistory ?? {})]),
  ];
  return extendJsonDocument(document, {
    kind: "tasks-meta",
    meta,
    taskTitles,
    waves: readStoredWaves(meta),
  });
}
