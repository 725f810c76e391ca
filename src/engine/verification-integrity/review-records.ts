import type { IntegrityFinding, RunControlFile } from "./integrity-types.js";

/** Why a task whose tests passed was left `[ ]` for a person to review. */
export interface ReviewRecord {
  readonly runId: string;
  readonly at: string;
  readonly title: string;
  readonly findings: readonly IntegrityFinding[];
  readonly runControlFiles: readonly RunControlFile[];
}

/** `runs/needs-review.json` of a spec: the tasks waiting for review, by id. */
export const REVIEW_RECORDS_FILE_NAME = "needs-review.json";

/** The records in the file's text; an unreadable file holds none (it is the runner's own, rewritten on the next record). */
export function parseReviewRecords(text: string | undefined): Map<string, ReviewRecord> {
  const records = new Map<string, ReviewRecord>();
  if (text === undefined) return records;
  try {
    const value = JSON.parse(text) as { tasks?: Record<string, ReviewRecord> };
    for (const [taskId, record] of Object.entries(value.tasks ?? {})) {
      if (typeof record === "object" && record !== null && Array.isArray(record.findings)) {
        records.set(taskId, {
          ...record,
          runControlFiles: Array.isArray(record.runControlFiles) ? record.runControlFiles : [],
        });
      }
    }
  } catch {
    // An unreadable file holds no records.
  }
  return records;
}

/** The file's text with `taskId`'s record set (or removed, with `record` undefined). */
export function setReviewRecord(text: string | undefined, taskId: string, record: ReviewRecord | undefined): string {
  const records = parseReviewRecords(text);
  if (record === undefined) records.delete(taskId);
  else records.set(taskId, record);
  return `${JSON.stringify({ schemaVersion: 1, tasks: Object.fromEntries(records) }, null, 2)}\n`;
}
