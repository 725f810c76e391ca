import { existsSync } from "node:fs";
import { access } from "node:fs/promises";

/** Whether something exists at `path` (a broken symlink counts as missing). */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The same, synchronously: a status of a thousand specs asks this a few thousand times, and each queued
 * `access` waits for the thread pool, while the call itself takes microseconds.
 */
export function pathExistsSync(path: string): boolean {
  return existsSync(path);
}
