import { readdirSync, readFileSync, statSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { removeStaleLock } from "./file-lock.js";
import { isProcessAlive } from "./is-process-alive.js";
import { parseLockRecord } from "./lock-record-text.js";
import { temporaryOwnerPid } from "./temporary-owner.js";

/**
 * Whether `name` is a temporary (see temporary-owner.ts) of a process that is no longer running (on this
 * host). A lock folder `<file>.lock` whose holder died is a leftover too, but it is only ever removed
 * through the lock's safe break.
 */
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
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  return leftoversAmong(directory, names);
}

/** The leftovers of dead processes among names listed in `directory`, sorted. */
export function leftoversAmong(directory: string, names: readonly string[]): string[] {
  return names
    .filter((name) => isLeftover(name) || (name.endsWith(".lock") && isAbandonedLockFolder(join(directory, name))))
    .sort();
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
