/**
 * A lock file's text, read and written without zod: every write and listing loads this module (through the
 * lock and the temporaries' clean-up), and the schema in lock-record.ts would cost each command a few
 * dozen milliseconds to load. The checks here are exactly `lockRecordSchema`'s; a test holds them to it.
 */

/** What a lock file holds: who took the lock, where, when, and a token only the holder knows. */
export interface LockRecord {
  /** Process id of the holder, on `hostname`. */
  pid: number;
  /** Host the holder runs on; a pid is only checkable on the same host. */
  hostname: string;
  /** When the lock was taken (ISO 8601, UTC). */
  createdAt: string;
  /** Random token; release removes the lock only if it still holds this token. */
  token: string;
}

// zod's `z.iso.datetime()`: a valid calendar date, seconds required, optional fraction, `Z` only.
const DATE =
  "(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))";
const ISO_DATETIME = new RegExp(`^${DATE}T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$`);

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
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  const { pid, hostname, createdAt, token } = json as Record<string, unknown>;
  if (typeof pid !== "number" || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  if (typeof hostname !== "string" || typeof token !== "string" || token.length === 0) return undefined;
  if (typeof createdAt !== "string" || !ISO_DATETIME.test(createdAt)) return undefined;
  // Only the schema's keys, in its order, as zod's object parse returns them.
  return { pid, hostname, createdAt, token };
}
