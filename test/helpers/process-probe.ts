import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Whether a process exists. With `waitForExit`, polls until it is gone (a killed process needs a moment
 * to be reaped by its parent or init) and answers false then; a process still alive after ~5 s is alive.
 */
export async function isAlive(pid: number, options: { waitForExit?: boolean } = {}): Promise<boolean> {
  const attempts = options.waitForExit === true ? 100 : 1;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (!exists(pid)) return false;
    if (attempt + 1 < attempts) await sleep(50);
  }
  return true;
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie still answers signal 0; it is dead for our purposes.
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    const status = readFileSync(`/proc/${pid}/stat`, "utf8");
    return status.slice(status.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

/** The content of a file another process writes, once it is there (polling, up to ~5 s). */
export async function waitForFile(path: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const text = await readFile(path, "utf8");
      if (text !== "") return text;
    } catch {
      // Not written yet.
    }
    await sleep(50);
  }
  throw new Error(`${path} was never written`);
}
