import { open } from "node:fs/promises";
import { errorCodeOf } from "./error-code.js";
import { mapFileSystemError } from "./map-file-system-error.js";

/** A lock file as seen at one moment: its text and the identity of the file that held it. */
export interface ObservedLock {
  readonly content: string;
  readonly inode: number;
  readonly modifiedAtMs: number;
}

/**
 * Reads a lock file's content and identity through one handle, so both describe the same file even if
 * the path is replaced meanwhile. Undefined when there is no lock file.
 */
export async function observeLock(lockPath: string): Promise<ObservedLock | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(lockPath, "r");
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT") return undefined;
    throw mapFileSystemError(error, lockPath, "lock");
  }
  try {
    const stats = await handle.stat();
    const content = await handle.readFile("utf8");
    return { content, inode: stats.ino, modifiedAtMs: stats.mtimeMs };
  } catch (error) {
    throw mapFileSystemError(error, lockPath, "lock");
  } finally {
    await handle.close();
  }
}

/**
 * Whether two observations are of the same lock. Content alone is not enough: a lock left empty by a
 * crash looks exactly like a new one that is being written right now; identity and time tell them apart.
 */
export function isSameLock(a: ObservedLock, b: ObservedLock): boolean {
  return a.content === b.content && a.inode === b.inode && a.modifiedAtMs === b.modifiedAtMs;
}
