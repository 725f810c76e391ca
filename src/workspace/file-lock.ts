import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { errorCodeOf } from "./error-code.js";
import { isProcessAlive } from "./is-process-alive.js";
import { type LockRecord, parseLockRecord, serializeLockRecord } from "./lock-record-text.js";
import { mapFileSystemError } from "./map-file-system-error.js";
import { temporarySiblingPath } from "./temporary-name.js";
import { WorkspaceError } from "./workspace-error.js";

export interface FileLockOptions {
  /**
   * How long one holder may keep us waiting before we fail with `locked`. The clock restarts whenever the
   * lock changes hands, so a queue of busy holders is waited out however long it is. Default 30 000 ms.
   */
  readonly timeoutMs?: number;
  /**
   * A lock whose holder has not refreshed it for this long is taken over even if its pid seems alive
   * (a reused pid, or a holder on another host). Holders refresh it while they hold it. Default 60 000 ms.
   */
  readonly staleAfterMs?: number;
}

export interface FileLock {
  /** The file this lock protects. */
  readonly path: string;
  /** The lock folder next to it: `<path>.lock`. */
  readonly lockPath: string;
  readonly token: string;
  /** Removes the lock if it is still ours; a lock taken over by someone else is left to them. */
  release(): Promise<void>;
}

const INITIAL_RETRY_DELAY_MS = 2;
const MAX_RETRY_DELAY_MS = 100;
const OWNER_PREFIX = "owner.";

export function lockPathFor(path: string): string {
  return `${path}.lock`;
}

/**
 * Takes the advisory lock of `path`: the folder `<path>.lock`, holding one file `owner.<token>` with the
 * holder's pid, host and start time.
 *
 * Why a folder, and why this way: the folder is filled privately first and then renamed to `<path>.lock`.
 * rename() of a folder onto a non-empty folder fails, so exactly one process wins, and a lock is never
 * visible without its owner file. A stale lock (dead pid, or not refreshed for `staleAfterMs`) is broken
 * by renaming *its own* owner file, named by its token, out of the folder: that rename fails when the lock
 * is no longer that one, so a breaker can never break the live lock of a newer holder, however late it
 * acts. Once the owner file is gone the folder is empty, and the next rename onto it replaces it.
 * Waiters back off with jitter. The lock is not reentrant: taking it twice in one process waits.
 */
export async function acquireFileLock(path: string, options: FileLockOptions = {}): Promise<FileLock> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const staleAfterMs = options.staleAfterMs ?? 60_000;
  const lockPath = lockPathFor(path);
  const token = randomUUID();
  const ownerName = `${OWNER_PREFIX}${token}`;
  const prepared = await prepareLockFolder(lockPath, ownerName, token);
  let deadline = Date.now() + timeoutMs;
  let holder: Holder | undefined;
  try {
    for (let attempt = 0; ; attempt++) {
      if (await tryInstall(prepared, ownerName, lockPath)) {
        return createFileLock(path, lockPath, token, ownerName, staleAfterMs);
      }
      const current = await readHolder(lockPath);
      // Released (or broken) between our rename and our look: try again at once.
      if (current === undefined) continue;
      if (current.kind !== "foreign" && isStale(current, staleAfterMs)) {
        await breakStaleLock(lockPath, current);
        continue;
      }
      if (holder === undefined || holder.ownerName !== current.ownerName) {
        // Another holder than last time: the lock is making progress, so the wait starts over.
        deadline = Date.now() + timeoutMs;
        holder = current;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw lockedError(path, lockPath, holder);
      await sleep(Math.min(remaining, retryDelay(attempt)));
    }
  } catch (error) {
    await rm(prepared, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Runs `fn` while holding the lock of `path`, and releases it however `fn` ends.
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

/**
 * Removes the lock folder `lockPath` if it is stale (its holder died or stopped refreshing it) or empty, by
 * the same safe break as a waiter's: a live holder's lock, or one taken meanwhile, is left alone.
 */
export async function removeStaleLock(lockPath: string, staleAfterMs = 60_000): Promise<void> {
  const holder = await readHolder(lockPath).catch(() => undefined);
  if (holder !== undefined) {
    if (holder.kind !== "owned" || !isStale(holder, staleAfterMs)) return;
    await breakStaleLock(lockPath, holder).catch(() => undefined);
  }
  // Only an empty folder goes: if someone took the lock meanwhile, it holds their owner file.
  await rmdir(lockPath).catch(() => undefined);
}

type Holder =
  | {
      /** A lock folder of this version (`owned`) or a lock file of an older one (`legacy`). */
      readonly kind: "owned" | "legacy";
      readonly ownerName: string;
      readonly record?: LockRecord;
      readonly refreshedAtMs: number;
    }
  | { readonly kind: "foreign"; readonly ownerName: string; readonly record?: LockRecord };

async function prepareLockFolder(lockPath: string, ownerName: string, token: string): Promise<string> {
  const prepared = temporarySiblingPath(lockPath, "new");
  const record: LockRecord = { pid: process.pid, hostname: hostname(), createdAt: new Date().toISOString(), token };
  try {
    await mkdir(prepared);
    await writeFile(join(prepared, ownerName), serializeLockRecord(record), { flag: "wx" });
  } catch (error) {
    await rm(prepared, { recursive: true, force: true }).catch(() => undefined);
    throw mapFileSystemError(error, lockPath, "lock");
  }
  return prepared;
}

/** One attempt: rename our prepared folder to the lock path. False while someone else holds it. */
async function tryInstall(prepared: string, ownerName: string, lockPath: string): Promise<boolean> {
  // The owner file's time is the lock's heartbeat; a folder prepared a while ago must not look stale.
  const now = new Date();
  await utimes(join(prepared, ownerName), now, now).catch(() => undefined);
  try {
    await rename(prepared, lockPath);
    return true;
  } catch (error) {
    const code = errorCodeOf(error);
    // ENOTEMPTY/EEXIST: a lock folder with its owner is there. ENOTDIR: a lock file of an older version.
    if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOTDIR") return false;
    throw mapFileSystemError(error, lockPath, "lock");
  }
}

async function readHolder(lockPath: string): Promise<Holder | undefined> {
  let names: string[];
  try {
    names = await readdir(lockPath);
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === "ENOENT") return undefined;
    // A plain file: the lock of an older Specwright. Its holder is named if its content says so.
    if (code === "ENOTDIR") return readLegacyHolder(lockPath);
    throw mapFileSystemError(error, lockPath, "lock");
  }
  const ownerName = names.find((name) => name.startsWith(OWNER_PREFIX));
  if (ownerName === undefined) {
    // Empty: free (the next rename replaces it). Anything else in it is not ours to judge.
    return names.length === 0 ? undefined : { kind: "foreign", ownerName: names.join(",") };
  }
  const ownerPath = join(lockPath, ownerName);
  try {
    const [content, stats] = await Promise.all([readFile(ownerPath, "utf8"), stat(ownerPath)]);
    return { kind: "owned", ownerName, record: parseLockRecord(content), refreshedAtMs: stats.mtimeMs };
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT") return undefined;
    throw mapFileSystemError(error, lockPath, "lock");
  }
}

async function readLegacyHolder(lockPath: string): Promise<Holder | undefined> {
  try {
    const [content, stats] = await Promise.all([readFile(lockPath, "utf8"), stat(lockPath)]);
    return {
      kind: "legacy",
      ownerName: `file:${content}`,
      record: parseLockRecord(content),
      refreshedAtMs: stats.mtimeMs,
    };
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT") return undefined;
    throw mapFileSystemError(error, lockPath, "lock");
  }
}

function isStale(holder: Holder & { refreshedAtMs: number }, staleAfterMs: number): boolean {
  if (Date.now() - holder.refreshedAtMs > staleAfterMs) return true;
  const record = holder.record;
  // A pid means nothing on another host; there only the heartbeat above can tell.
  return record !== undefined && record.hostname === hostname() && !isProcessAlive(record.pid);
}

/**
 * Breaks the lock whose owner file is `holder.ownerName`, and only that one: if it was released or broken
 * meanwhile, its owner file is gone and the rename fails with ENOENT, touching nothing.
 */
async function breakStaleLock(lockPath: string, holder: Holder): Promise<void> {
  if (holder.kind === "legacy") {
    // unlink() cannot remove a folder, so a lock of this version that replaced the old file survives it.
    await unlink(lockPath).catch(() => undefined);
    return;
  }
  const aside = temporarySiblingPath(lockPath, "stale");
  try {
    await rename(join(lockPath, holder.ownerName), aside);
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT") return;
    throw mapFileSystemError(error, lockPath, "lock");
  }
  await unlink(aside).catch(() => undefined);
}

function retryDelay(attempt: number): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, INITIAL_RETRY_DELAY_MS * 2 ** Math.min(attempt, 10));
  // Jitter keeps processes that collided once from colliding again in lockstep.
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function lockedError(path: string, lockPath: string, holder: Holder | undefined): WorkspaceError {
  const record = holder?.record;
  const who = record === undefined ? "another process" : `process ${record.pid} on ${record.hostname}`;
  const since = record === undefined ? "" : ` since ${record.createdAt}`;
  return new WorkspaceError({
    code: "locked",
    message: `${path} is locked by ${who}${since}.`,
    fix: `Wait for that process to finish and retry; if it is no longer running, delete the folder ${lockPath} (\`rm -r\`).`,
    path,
  });
}

function createFileLock(
  path: string,
  lockPath: string,
  token: string,
  ownerName: string,
  staleAfterMs: number,
): FileLock {
  const ownerPath = join(lockPath, ownerName);
  // The heartbeat: a holder that is alive keeps its lock fresh however long it holds it.
  const heartbeat = setInterval(
    () => {
      const now = new Date();
      utimes(ownerPath, now, now).catch(() => undefined);
    },
    Math.max(10, Math.min(staleAfterMs / 3, 10_000)),
  );
  heartbeat.unref();
  let released = false;
  return {
    path,
    lockPath,
    token,
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      await releaseLock(lockPath, ownerPath);
    },
  };
}

async function releaseLock(lockPath: string, ownerPath: string): Promise<void> {
  try {
    await unlink(ownerPath);
  } catch (error) {
    // Gone: we were judged stale and the lock was broken; whoever holds it now is left alone.
    if (errorCodeOf(error) === "ENOENT") return;
    throw mapFileSystemError(error, lockPath, "lock");
  }
  try {
    // Only an empty folder is removed, and a held lock is never empty: a newer holder's lock survives this.
    await rmdir(lockPath);
  } catch (error) {
    const code = errorCodeOf(error);
    if (code !== "ENOENT" && code !== "ENOTEMPTY" && code !== "EEXIST") {
      throw mapFileSystemError(error, lockPath, "lock");
    }
  }
}
