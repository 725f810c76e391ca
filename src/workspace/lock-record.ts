import { z } from "zod";
import type { LockRecord } from "./lock-record-text.js";

export { type LockRecord, parseLockRecord, serializeLockRecord } from "./lock-record-text.js";

/**
 * What a lock file holds, as a schema for library users and the docs; the workspace reads and writes lock
 * files through lock-record-text.ts, which checks the same without loading zod.
 */
export const lockRecordSchema = z.object({
  pid: z.number().int().positive().describe("Process id of the holder, on `hostname`."),
  hostname: z.string().describe("Host the holder runs on; a pid is only checkable on the same host."),
  createdAt: z.iso.datetime().describe("When the lock was taken (ISO 8601, UTC)."),
  token: z.string().min(1).describe("Random token; release removes the lock only if it still holds this token."),
});

// The hand-written record and the schema's output must stay one type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<LockRecord, z.infer<typeof lockRecordSchema>> = true;
void sameShape;
