import { randomUUID } from "node:crypto";
import { open, readFile, rename, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { errorCodeOf } from "./error-code.js";
import { isProcessAlive } from "./is-process-alive.js";
import { type LockRecord, parseLockRecord, serializeLockRecord } from "./lock-record.js";
import { mapFileSystemError } from "./map-file-system-error.js";
import { type ObservedLock, observeLock } from "./observed-lock.js";
import { restoreMovedLock } from "./restore-moved-lock.js";
import { takeOverStaleLock } from "./take-over-stale-lock.js";
import { temporarySiblingPath } from "./temporary-name.js";
import { WorkspaceError } from "./workspace-error.js";

export interface FileLockOptions {
  /** How long to wait for another holder before failing with `locked`. Default 10 000 ms. */
  readonly timeoutMs?: number;
  /** A lock older than this is taken over even if its holder seems alive (hung, or on another host). Default 60 000 ms. */
  readonly staleAfterMs?: number;
  /** An unreadable lock file younger than this may be one being written right now, so it is waited for. Default 2 000 ms. */
  readonly garbledGraceMs?: number;
}

export interface FileLock {
  /** The file this lock protects. */
  readonly path: string;
  /** The lock file next to it: `<path>.lock`. */
  readonly lockPath: string;
  readonly token: string;
  /** Removes the lock file if it is still ours; a lock taken over by someone else is left to them. */
  release(): Promise<void>;
}

const INITIAL_RETRY_DELAY_MS = 5;
const MAX_RETRY_DELAY_MS = 200;

export function lockPathFor(path: string): string {
  return `${path}.lock`;
}

/**
 * Takes the advisory lock of `path`, a `<path>.lock` file made with exclusive create. Every Specwright
 * process (and thread) that modifies `path` takes it first, so edits are serialized. Waits with backoff
 * while another live holder has it; a lock whose holder is gone or which is too old is taken over.
 * The lock is not reentrant: taking it twice in one process waits for the first release.
 */
export async function acquireFileLock(path: string, options: FileLockOptions = {}): Promise<FileLock> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const lockPath = lockPathFor(path);
  const token = randomUUID();
  const deadline = Date.now() + timeoutMs;
  let holder: LockRecord | undefined;
  for (let attempt = 0; ; attempt++) {
    const record: LockRecord = { pid: process.pid, hostname: hostname(), createdAt: new Date().toISOString(), token };
    if (await tryCreateLock(lockPath, record)) {
      return createFileLock(path, lockPath, token);
    }
    const observed = await observeLock(lockPath);
    // Gone between our create and our read: its holder released it, try again at once.
    if (observed === undefined) continue;
    const observedRecord = parseLockRecord(observed.content);
    holder = observedRecord ?? holder;
    if (isStale(observed, observedRecord, options) && (await takeOverStaleLock(lockPath, observed))) continue;
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw lockedError(path, lockPath, holder);
    await sleep(Math.min(remaining, retryDelay(attempt)));
  }
}

/**
 * Runs `fn` while holding the lock of `path`, and releases it however `fn` ends. Keep `fn` short: a lock
 * held longer than `staleAfterMs` counts as abandoned and may be taken over by another process.
 */
export async function withFileLock<T>(
  path: string,
  fn: () => Promise<T> | T,
  options: FileLockOptions = {},
): Promise<T> {
  const lock = await acquireFileLock(path, options);
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    // The failure of `fn` is the news; a failed release must not hide it.
    await lock.release().catch(() => undefined);
    throw error;
  }
  await lock.release();
  return result;
}

async function tryCreateLock(lockPath: string, record: LockRecord): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(lockPath, "wx");
  } catch (error) {
    if (errorCodeOf(error) === "EEXIST") return false;
    throw mapFileSystemError(error, lockPath, "lock");
  }
  try {
    await handle.writeFile(serializeLockRecord(record));
    await handle.close();
    return true;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(lockPath).catch(() => undefined);
    throw mapFileSystemError(error, lockPath, "lock");
  }
}

function isStale(observed: ObservedLock, record: LockRecord | undefined, options: FileLockOptions): boolean {
  const now = Date.now();
  if (record === undefined) return now - observed.modifiedAtMs > (options.garbledGraceMs ?? 2_000);
  if (now - Date.parse(record.createdAt) > (options.staleAfterMs ?? 60_000)) return true;
  // A pid means nothing on another host; there only the age above can tell.
  return record.hostname === hostname() && !isProcessAlive(record.pid);
}

function retryDelay(attempt: number): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, INITIAL_RETRY_DELAY_MS * 2 ** Math.min(attempt, 10));
  // Jitter keeps processes that collided once from colliding again in lockstep.
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function lockedError(path: string, lockPath: string, holder: LockRecord | undefined): WorkspaceError {
  const who = holder === undefined ? "another process" : `process ${holder.pid} on ${holder.hostname}`;
  const since = holder === undefined ? "" : ` since ${holder.createdAt}`;
  return new WorkspaceError({
    code: "locked",
    message: `${path} is locked by ${who}${since}.`,
    fix: `Wait for that process to finish and retry; if it is no longer running, delete ${lockPath}.`,
    path,
  });
}

function createFileLock(path: string, lockPath: string, token: string): FileLock {
  let released = false;
  return {
    path,
    lockPath,
    token,
    async release() {
      if (released) return;
      released = true;
      await releaseLock(lockPath, token);
    },
  };
}

/** Same private-rename pattern as the stale take-over: the file is checked after it can no longer change. */
async function releaseLock(lockPath: string, token: string): Promise<void> {
  const privatePath = temporarySiblingPath(lockPath, "release");
  try {
    await rename(lockPath, privatePath);
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT") return;
    throw mapFileSystemError(error, lockPath, "lock");
  }
  const content = await readFile(privatePath, "utf8").catch(() => undefined);
  if (content === undefined || parseLockRecord(content)?.token !== token) {
    // Not ours any more: we were judged stale and someone else holds it now. Give it back untouched.
    await restoreMovedLock(privatePath, lockPath, content);
    return;
  }
  await unlink(privatePath).catch(() => undefined);
}
