import { readdirSync, readFileSync, statSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { removeStaleLock } from "./file-lock.js";
import { isProcessAlive } from "./is-process-alive.js";
import { parseLockRecord } from "./lock-record.js";

/**
 * What the workspace layer leaves behind when a process dies mid-write (kill -9, power loss): the temp
 * file of an atomic write (`.<file>.tmp.<pid>.<hex>`), a lock folder being prepared (`.<file>.lock.new.…`)
 * and a broken lock's owner file (`.<file>.lock.stale.…`), plus `.…lock.release.…` of older versions. The
 * pid in the name says whose it is. A lock folder `<file>.lock` whose holder died is one too, but it is only
 * ever removed through the lock's safe break.
 */
const LEFTOVER = /^\..+\.(tmp|new|stale|release)\.(\d+)\.[0-9a-f]+$/;

/** The process whose temporary this is, or undefined for a name that is not one. */
export function temporaryOwnerPid(name: string): number | undefined {
  const match = LEFTOVER.exec(name);
  return match === null ? undefined : Number(match[2]);
}

/** Whether `name` is a temporary of a process that is no longer running (on this host). */
export function isLeftover(name: string): boolean {
  const pid = temporaryOwnerPid(name);
  return pid !== undefined && pid !== process.pid && !isProcessAlive(pid);
}

/**
 * Removes the leftovers of dead processes in `directory`; every write does this in the folder it writes
 * to, so a crash costs nothing after the next write. Never fails the write: what cannot be removed now is
 * reported by `check` and removed next time.
 */
export async function removeLeftovers(directory: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return;
  }
  await Promise.all([
    ...names
      .filter(isLeftover)
      .map((name) => rm(join(directory, name), { recursive: true, force: true }).catch(() => undefined)),
    // A lock folder is never removed by name: only through the lock's own safe break.
    ...names.filter((name) => name.endsWith(".lock")).map((name) => removeStaleLock(join(directory, name))),
  ]);
}

/** The leftovers of dead processes in `directory`, by name, sorted; none when it cannot be listed. */
export function listLeftovers(directory: string): string[] {
  try {
    return readdirSync(directory)
      .filter((name) => isLeftover(name) || (name.endsWith(".lock") && isAbandonedLockFolder(join(directory, name))))
      .sort();
  } catch {
    return [];
  }
}

/** A lock folder that is empty, or whose holder on this host is gone. */
function isAbandonedLockFolder(path: string): boolean {
  try {
    if (!statSync(path).isDirectory()) return false;
    const owner = readdirSync(path).find((name) => name.startsWith("owner."));
    if (owner === undefined) return readdirSync(path).length === 0;
    const record = parseLockRecord(readFileSync(join(path, owner), "utf8"));
    return record !== undefined && record.hostname === hostname() && !isProcessAlive(record.pid);
  } catch {
    return false;
  }
}
