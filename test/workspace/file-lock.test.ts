import { randomUUID } from "node:crypto";
import { readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireFileLock, lockPathFor, withFileLock } from "../../src/workspace/file-lock.js";
import { type LockRecord, parseLockRecord, serializeLockRecord } from "../../src/workspace/lock-record.js";
import { exitOf, pidOfExitedProcess, startIdleProcess } from "../helpers/child-process.js";
import { useTempDirectory } from "../helpers/temp-dir.js";
import { expectWorkspaceError } from "./expect-workspace-error.js";

const temp = useTempDirectory();

function foreignLock(overrides: Partial<LockRecord> = {}): LockRecord {
  return {
    pid: process.pid,
    hostname: hostname(),
    createdAt: new Date().toISOString(),
    token: randomUUID(),
    ...overrides,
  };
}

async function lockFileRecord(path: string): Promise<LockRecord | undefined> {
  return parseLockRecord(await readFile(lockPathFor(path), "utf8"));
}

describe("acquireFileLock", () => {
  it("creates <file>.lock with pid, hostname, createdAt and token, and release removes it", async () => {
    const path = join(temp(), "tasks.md");

    const lock = await acquireFileLock(path);

    expect(lock.lockPath).toBe(`${path}.lock`);
    const record = await lockFileRecord(path);
    expect(record).toEqual({
      pid: process.pid,
      hostname: hostname(),
      createdAt: expect.any(String),
      token: lock.token,
    });
    expect(Math.abs(Date.parse(record?.createdAt ?? "") - Date.now())).toBeLessThan(5_000);

    await lock.release();
    expect(await readdir(temp())).toEqual([]);
  });

  it("makes a second acquirer wait for a live holder and hands over after release", async () => {
    const path = join(temp(), "tasks.md");
    const first = await acquireFileLock(path);
    let secondSettled = false;
    const secondPromise = acquireFileLock(path, { timeoutMs: 10_000 }).finally(() => {
      secondSettled = true;
    });

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondSettled).toBe(false);
    expect((await lockFileRecord(path))?.token).toBe(first.token);

    await first.release();
    const second = await secondPromise;
    expect(second.token).not.toBe(first.token);
    expect((await lockFileRecord(path))?.token).toBe(second.token);
    await second.release();
  });

  it("fails with `locked`, naming the holder's pid, when the holder does not let go in time", async () => {
    const path = join(temp(), "tasks.md");
    const holder = await acquireFileLock(path);
    const started = Date.now();

    const error = await expectWorkspaceError(acquireFileLock(path, { timeoutMs: 250 }), "locked");

    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(error.message).toContain(`process ${process.pid}`);
    expect(error.fix).toContain(holder.lockPath);
    expect((await lockFileRecord(path))?.token).toBe(holder.token);
    await holder.release();
  });

  it("takes over at once a lock whose process has exited", async () => {
    const path = join(temp(), "tasks.md");
    const deadPid = await pidOfExitedProcess();
    await writeFile(lockPathFor(path), serializeLockRecord(foreignLock({ pid: deadPid })));
    const started = Date.now();

    const lock = await acquireFileLock(path, { timeoutMs: 3_000 });

    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await lockFileRecord(path))?.token).toBe(lock.token);
    await lock.release();
    expect(await readdir(temp())).toEqual([]);
  });

  it("waits while another process holding the lock is alive, and takes over once it dies", async () => {
    const path = join(temp(), "tasks.md");
    const holder = startIdleProcess();
    try {
      await writeFile(lockPathFor(path), serializeLockRecord(foreignLock({ pid: holder.pid })));

      const error = await expectWorkspaceError(acquireFileLock(path, { timeoutMs: 300 }), "locked");
      expect(error.message).toContain(`process ${holder.pid}`);

      holder.kill();
      await exitOf(holder);
      const lock = await acquireFileLock(path, { timeoutMs: 3_000 });
      expect((await lockFileRecord(path))?.pid).toBe(process.pid);
      await lock.release();
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock older than the maximum age even if its holder is alive", async () => {
    const path = join(temp(), "tasks.md");
    const old = new Date(Date.now() - 120_000).toISOString();
    await writeFile(lockPathFor(path), serializeLockRecord(foreignLock({ createdAt: old })));

    await expectWorkspaceError(acquireFileLock(path, { timeoutMs: 200, staleAfterMs: 600_000 }), "locked");
    const lock = await acquireFileLock(path, { timeoutMs: 3_000 });

    expect((await lockFileRecord(path))?.token).toBe(lock.token);
    await lock.release();
  });

  it("does not judge a pid from another host, only the age of its lock", async () => {
    const path = join(temp(), "tasks.md");
    const deadPid = await pidOfExitedProcess();
    await writeFile(lockPathFor(path), serializeLockRecord(foreignLock({ pid: deadPid, hostname: "elsewhere" })));

    const error = await expectWorkspaceError(acquireFileLock(path, { timeoutMs: 250 }), "locked");

    expect(error.message).toContain("elsewhere");
  });

  it("waits on a garbled lock during the grace period, then takes it over", async () => {
    const path = join(temp(), "tasks.md");
    await writeFile(lockPathFor(path), "{ half-writ");

    const error = await expectWorkspaceError(acquireFileLock(path, { timeoutMs: 250 }), "locked");
    expect(error.message).toContain("another process");

    const past = new Date(Date.now() - 10_000);
    await utimes(lockPathFor(path), past, past);
    const lock = await acquireFileLock(path, { timeoutMs: 3_000 });
    expect((await lockFileRecord(path))?.token).toBe(lock.token);
    await lock.release();
  });

  it("on release leaves alone a lock that is no longer ours", async () => {
    const path = join(temp(), "tasks.md");
    const lock = await acquireFileLock(path);
    const usurper = serializeLockRecord(foreignLock());
    await writeFile(lockPathFor(path), usurper);

    await lock.release();

    expect(await readFile(lockPathFor(path), "utf8")).toBe(usurper);
    expect(await readdir(temp())).toEqual(["tasks.md.lock"]);
  });

  it("serializes in-process callers too (the lock is not reentrant)", async () => {
    const path = join(temp(), "counter");
    let inside = 0;
    let maxInside = 0;

    await Promise.all(
      Array.from({ length: 10 }, () =>
        withFileLock(path, async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside--;
        }),
      ),
    );

    expect(maxInside).toBe(1);
  });
});

describe("withFileLock", () => {
  it("returns the result of fn and releases the lock", async () => {
    const path = join(temp(), "tasks.md");

    const result = await withFileLock(path, async () => {
      expect(await readdir(temp())).toEqual(["tasks.md.lock"]);
      return 42;
    });

    expect(result).toBe(42);
    expect(await readdir(temp())).toEqual([]);
  });

  it("releases the lock when fn throws and rethrows its error", async () => {
    const path = join(temp(), "tasks.md");
    const failure = new Error("edit failed");

    await expect(
      withFileLock(path, () => {
        throw failure;
      }),
    ).rejects.toBe(failure);

    expect(await readdir(temp())).toEqual([]);
  });

  it("reports a missing folder as not-found", async () => {
    await expectWorkspaceError(
      withFileLock(join(temp(), "missing", "tasks.md"), () => 1),
      "not-found",
    );
  });
});
