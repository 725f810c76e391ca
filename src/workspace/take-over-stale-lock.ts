import { rename, unlink } from "node:fs/promises";
import { errorCodeOf } from "./error-code.js";
import { mapFileSystemError } from "./map-file-system-error.js";
import { isSameLock, type ObservedLock, observeLock } from "./observed-lock.js";
import { restoreMovedLock } from "./restore-moved-lock.js";
import { temporarySiblingPath } from "./temporary-name.js";

/**
 * Removes a lock file judged stale, without ever removing a different, live one. Between reading the
 * lock and removing it, another process may already have replaced it with its own fresh lock; deleting
 * by path would then break that lock. So the file is first renamed to a private name (atomic: from now
 * on nobody else can touch it), its content and identity are compared with the file that was judged stale, and
 * only on a match is it deleted. Otherwise it is put back with link(), which fails rather than clobber
 * a lock created meanwhile. Returns true when the stale lock is gone and acquiring may be retried at once.
 */
export async function takeOverStaleLock(lockPath: string, stale: ObservedLock): Promise<boolean> {
  const privatePath = temporarySiblingPath(lockPath, "stale");
  try {
    await rename(lockPath, privatePath);
  } catch (error) {
    // Someone else removed it first: the stale lock is gone either way.
    if (errorCodeOf(error) === "ENOENT") return true;
    throw mapFileSystemError(error, lockPath, "lock");
  }
  const renamed = await observeLock(privatePath).catch(() => undefined);
  if (renamed !== undefined && isSameLock(renamed, stale)) {
    await unlink(privatePath).catch(() => undefined);
    return true;
  }
  await restoreMovedLock(privatePath, lockPath, renamed?.content);
  return false;
}
