import { appendFile, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import { createFileExclusive } from "./create-file-exclusive.js";
import { ensureDirectory } from "./ensure-directory.js";
import { errorCodeOf } from "./error-code.js";
import { withFileLock } from "./file-lock.js";
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

/**
 * Appends one record as one JSON line, under the file's lock so concurrent commands never interleave
 * half lines. The folder gets a `.gitignore` of `*`: the log is this machine's spending, not the project's,
 * and must not turn up in the user's commits or in a task's checkpoint.
 */
export async function appendUsageRecord(root: string, record: UsageRecord): Promise<void> {
  const path = usageLogPath(root);
  const line = `${JSON.stringify(UsageRecordSchema.parse(record))}\n`;
  await ensureDirectory(dirname(path));
  await createFileExclusive(join(dirname(path), ".gitignore"), "*\n");
  await withFileLock(path, async () => {
    try {
      await appendFile(path, line, "utf8");
    } catch (error) {
      throw mapFileSystemError(error, path, "write");
    }
  });
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
