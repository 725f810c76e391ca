import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, utimes, writeFile } from "node:fs/promises";
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

async function ownerName(path: string): Promise<string | undefined> {
  return (await readdir(lockPathFor(path))).find((name) => name.startsWith("owner."));
}

async function lockFileRecord(path: string): Promise<LockRecord | undefined> {
  const owner = await ownerName(path);
  return owner === undefined ? undefined : parseLockRecord(await readFile(join(lockPathFor(path), owner), "utf8"));
}

/** Puts a lock of another holder in place, as that holder would: a folder with its owner file. */
async function placeLock(path: string, record: LockRecord, ageMs = 0): Promise<string> {
  const lockPath = lockPathFor(path);
  await mkdir(lockPath);
  const owner = join(lockPath, `owner.${record.token}`);
  await writeFile(owner, serializeLockRecord(record));
  if (ageMs > 0) {
    const past = new Date(Date.now() - ageMs);
    await utimes(owner, past, past);
  }
  return owner;
}

describe("acquireFileLock", () => {
  it("creates the folder <file>.lock holding owner.<token> with pid, hostname, createdAt and token, and release removes it", async () => {
    const path = join(temp(), "tasks.md");

    const lock = await acquireFileLock(path);

    expect(lock.lockPath).toBe(`${path}.lock`);
    expect(await readdir(lock.lockPath)).toEqual([`owner.${lock.token}`]);
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
    await placeLock(path, foreignLock({ pid: deadPid }));
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
      await placeLock(path, foreignLock({ pid: holder.pid }));

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

  it("takes over a lock not refreshed for longer than the maximum age even if its holder seems alive", async () => {
    const path = join(temp(), "tasks.md");
    await placeLock(path, foreignLock(), 120_000);

    await expectWorkspaceError(acquireFileLock(path, { timeoutMs: 200, staleAfterMs: 600_000 }), "locked");
    const lock = await acquireFileLock(path, { timeoutMs: 3_000 });

    expect((await lockFileRecord(path))?.token).toBe(lock.token);
    await lock.release();
  });

  it("keeps a lock that is held longer than the maximum age fresh, so it is not taken over", async () => {
    const path = join(temp(), "tasks.md");
    const holder = await acquireFileLock(path, { staleAfterMs: 300 });
    await new Promise((resolve) => setTimeout(resolve, 900));

    await expectWorkspaceError(acquireFileLock(path, { timeoutMs: 300, staleAfterMs: 300 }), "locked");

    expect((await lockFileRecord(path))?.token).toBe(holder.token);
    await holder.release();
    expect(await readdir(temp())).toEqual([]);
  });

  it("restarts the wait whenever the lock changes hands, so a long queue of holders is waited out", async () => {
    const path = join(temp(), "tasks.md");
    let owner = await placeLock(path, foreignLock());
    const waiter = acquireFileLock(path, { timeoutMs: 400 });
    // Six holders of 150 ms each: 900 ms in all, more than twice the waiter's timeout, none longer than it.
    for (let turn = 0; turn < 6; turn++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const next = foreignLock();
      await placeLock(`${path}.next`, next);
      await rm(owner);
      // The waiter may win the emptied lock first; that also ends the queue.
      const handedOver = await rename(lockPathFor(`${path}.next`), lockPathFor(path)).then(
        () => true,
        () => false,
      );
      if (!handedOver) break;
      owner = join(lockPathFor(path), `owner.${next.token}`);
    }
    await rm(owner, { force: true });
    const lock = await waiter;
    expect((await lockFileRecord(path))?.token).toBe(lock.token);
    await lock.release();
  });

  it("does not judge a pid from another host, only the age of its lock", async () => {
    const path = join(temp(), "tasks.md");
    const deadPid = await pidOfExitedProcess();
    await placeLock(path, foreignLock({ pid: deadPid, hostname: "elsewhere" }));

    const error = await expectWorkspaceError(acquireFileLock(path, { timeoutMs: 250 }), "locked");

    expect(error.message).toContain("elsewhere");
  });

  it("takes over the lock file of an older version whose process has exited", async () => {
    const path = join(temp(), "tasks.md");
    await writeFile(lockPathFor(path), serializeLockRecord(foreignLock({ pid: await pidOfExitedProcess() })));

    const lock = await acquireFileLock(path, { timeoutMs: 3_000 });

    expect((await lockFileRecord(path))?.token).toBe(lock.token);
    await lock.release();
    expect(await readdir(temp())).toEqual([]);
  });

  it("takes over an empty lock folder left by a crash at once", async () => {
    const path = join(temp(), "tasks.md");
    await mkdir(lockPathFor(path));

    const lock = await acquireFileLock(path, { timeoutMs: 0 });

    expect((await lockFileRecord(path))?.token).toBe(lock.token);
    await lock.release();
    expect(await readdir(temp())).toEqual([]);
  });

  it("on release leaves alone a lock that was broken and taken by someone else", async () => {
    const path = join(temp(), "tasks.md");
    const lock = await acquireFileLock(path);
    // What a breaker does: the owner file goes, and a newer holder's folder replaces the empty one.
    await rename(join(lock.lockPath, `owner.${lock.token}`), join(temp(), "broken"));
    const usurper = foreignLock();
    await placeLock(`${path}.usurper`, usurper);
    await rename(lockPathFor(`${path}.usurper`), lock.lockPath);

    await lock.release();

    expect((await lockFileRecord(path))?.token).toBe(usurper.token);
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
