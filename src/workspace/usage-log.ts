import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { appendJsonLine } from "./append-json-line.js";
import { errorCodeOf } from "./error-code.js";
import { kiroPaths } from "./kiro-paths.js";
import { mapFileSystemError } from "./map-file-system-error.js";

/** One model call as `.kiro/specwright/usage.jsonl` records it. No prompt, no answer, no key: counts only. */
export const UsageRecordSchema = z.strictObject({
  at: z.string().describe("When the call ended, ISO 8601."),
  command: z.string().describe('The command that made it, e.g. "new" or "run".'),
  purpose: z.string().describe('What the call was for, e.g. "requirements" or "task 2.1 step 3".'),
  provider: z.string(),
  modelId: z.string(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative().nullable().describe("Estimated USD; null when the model's price is unknown."),
});

export type UsageRecord = z.output<typeof UsageRecordSchema>;

export function usageLogPath(root: string): string {
  return join(kiroPaths(root).kiroDirectory, "specwright", "usage.jsonl");
}

/** Appends one record as one JSON line (see appendJsonLine): the log is this machine's spending, not the project's. */
export async function appendUsageRecord(root: string, record: UsageRecord): Promise<void> {
  await appendJsonLine(usageLogPath(root), UsageRecordSchema.parse(record));
}

/** The records of the log, oldest first; lines that are not records (hand edits) are skipped. */
export async function readUsageRecords(root: string): Promise<UsageRecord[]> {
  const path = usageLogPath(root);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT") return [];
    throw mapFileSystemError(error, path, "read");
  }
  const records: UsageRecord[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const parsed = UsageRecordSchema.safeParse(parseJsonLine(line));
    if (parsed.success) records.push(parsed.data);
  }
  return records;
}

function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
