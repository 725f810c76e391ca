import { readdir, readFile, unlink, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { observeLock } from "../../src/workspace/observed-lock.js";
import { takeOverStaleLock } from "../../src/workspace/take-over-stale-lock.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const temp = useTempDirectory();

async function observe(path: string) {
  const observed = await observeLock(path);
  if (observed === undefined) throw new Error(`no lock at ${path}`);
  return observed;
}

async function backdate(path: string): Promise<void> {
  const past = new Date(Date.now() - 60_000);
  await utimes(path, past, past);
}

describe("takeOverStaleLock", () => {
  it("removes the lock that was judged stale", async () => {
    const lockPath = join(temp(), "tasks.md.lock");
    await writeFile(lockPath, '{"pid":1}');
    const stale = await observe(lockPath);

    expect(await takeOverStaleLock(lockPath, stale)).toBe(true);

    expect(await readdir(temp())).toEqual([]);
  });

  it("puts back a fresh lock that replaced the stale one meanwhile", async () => {
    const lockPath = join(temp(), "tasks.md.lock");
    await writeFile(lockPath, "stale");
    await backdate(lockPath);
    const stale = await observe(lockPath);
    await unlink(lockPath);
    await writeFile(lockPath, "fresh lock of a live process");

    expect(await takeOverStaleLock(lockPath, stale)).toBe(false);

    expect(await readFile(lockPath, "utf8")).toBe("fresh lock of a live process");
    expect(await readdir(temp())).toEqual(["tasks.md.lock"]);
  });

  it("tells an empty lock left by a crash from a new one being written (same content, other file)", async () => {
    const lockPath = join(temp(), "tasks.md.lock");
    await writeFile(lockPath, "");
    await backdate(lockPath);
    const stale = await observe(lockPath);
    await unlink(lockPath);
    await writeFile(lockPath, "");

    expect(await takeOverStaleLock(lockPath, stale)).toBe(false);

    expect(await readdir(temp())).toEqual(["tasks.md.lock"]);
  });

  it("succeeds when someone else already removed the stale lock", async () => {
    const lockPath = join(temp(), "tasks.md.lock");
    await writeFile(lockPath, "stale");
    const stale = await observe(lockPath);
    await unlink(lockPath);

    expect(await takeOverStaleLock(lockPath, stale)).toBe(true);
    expect(await readdir(temp())).toEqual([]);
  });
});
