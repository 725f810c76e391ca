import { z } from "zod";

/** What a lock file holds: who took the lock, where, when, and a token only the holder knows. */
export const lockRecordSchema = z.object({
  pid: z.number().int().positive().describe("Process id of the holder, on `hostname`."),
  hostname: z.string().describe("Host the holder runs on; a pid is only checkable on the same host."),
  createdAt: z.iso.datetime().describe("When the lock was taken (ISO 8601, UTC)."),
  token: z.string().min(1).describe("Random token; release removes the lock only if it still holds this token."),
});

export type LockRecord = z.infer<typeof lockRecordSchema>;

export function serializeLockRecord(record: LockRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/** The record in a lock file's text, or undefined when it is empty, half-written or not ours. */
export function parseLockRecord(text: string): LockRecord | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = lockRecordSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
