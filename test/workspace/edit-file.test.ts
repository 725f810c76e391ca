import { lstat, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editTextFile } from "../../src/workspace/edit-file.js";
import { acquireFileLock, lockPathFor } from "../../src/workspace/file-lock.js";
import { useTempDirectory } from "../helpers/temp-dir.js";
import { expectWorkspaceError } from "./expect-workspace-error.js";

const temp = useTempDirectory();

describe("editTextFile", () => {
  it("applies the edit to the current content, writes it and reports before and after", async () => {
    const path = join(temp(), "tasks.md");
    await writeFile(path, "\uFEFF- [ ] 1. Build\r\n- [ ] 2. Test\r\n");

    const result = await editTextFile(path, (current) => current.replace("- [ ] 2.", "- [x] 2."));

    expect(result).toEqual({
      path,
      viaSymlink: false,
      changed: true,
      before: "\uFEFF- [ ] 1. Build\r\n- [ ] 2. Test\r\n",
      after: "\uFEFF- [ ] 1. Build\r\n- [x] 2. Test\r\n",
    });
    expect(await readFile(path, "utf8")).toBe(result.after);
    expect(await readdir(temp())).toEqual(["tasks.md"]);
  });

  it.each([
    ["undefined", () => undefined],
    ["the same text", (current: string) => `${current}`],
  ])("does not write when the edit returns %s", async (_label, edit) => {
    const path = join(temp(), "tasks.md");
    await writeFile(path, "- [ ] 1. Build\n");
    const before = await stat(path);

    const result = await editTextFile(path, edit);

    expect(result).toEqual({
      path,
      viaSymlink: false,
      changed: false,
      before: "- [ ] 1. Build\n",
      after: "- [ ] 1. Build\n",
    });
    expect((await stat(path)).ino).toBe(before.ino);
    expect(await readdir(temp())).toEqual(["tasks.md"]);
  });

  it("leaves the file untouched and releases the lock when the edit throws", async () => {
    const path = join(temp(), "tasks.md");
    await writeFile(path, "original");

    await expect(
      editTextFile(path, () => {
        throw new Error("cannot edit");
      }),
    ).rejects.toThrow("cannot edit");

    expect(await readFile(path, "utf8")).toBe("original");
    expect(await readdir(temp())).toEqual(["tasks.md"]);
  });

  it("reports a missing file as not-found and leaves no lock behind", async () => {
    const path = join(temp(), "tasks.md");

    await expectWorkspaceError(
      editTextFile(path, () => "x"),
      "not-found",
    );

    expect(await readdir(temp())).toEqual([]);
  });

  it("refuses a binary file without writing", async () => {
    const path = join(temp(), "tasks.md");
    await writeFile(path, Buffer.from([1, 0, 2]));

    await expectWorkspaceError(
      editTextFile(path, () => "x"),
      "binary-file",
    );

    expect([...(await readFile(path))]).toEqual([1, 0, 2]);
  });

  it("waits for a lock held by someone else instead of editing under it", async () => {
    const path = join(temp(), "tasks.md");
    await writeFile(path, "a");
    await writeFile(
      lockPathFor(path),
      JSON.stringify({ pid: process.pid, hostname: "elsewhere", createdAt: new Date().toISOString(), token: "t" }),
    );

    await expectWorkspaceError(
      editTextFile(path, () => "b", { timeoutMs: 200 }),
      "locked",
    );

    expect(await readFile(path, "utf8")).toBe("a");
  });

  it("edits the real file behind a symlink under the real file's lock", async () => {
    const real = join(temp(), "tasks.md");
    const link = join(temp(), "link.md");
    await writeFile(real, "a");
    await symlink(real, link);
    const lock = await acquireFileLock(real);

    await expectWorkspaceError(
      editTextFile(link, () => "b", { timeoutMs: 200 }),
      "locked",
    );
    await lock.release();
    await editTextFile(link, () => "b");

    expect(await readFile(real, "utf8")).toBe("b");
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
  });

  it("loses no update when many edits in one process race", async () => {
    const path = join(temp(), "counter.txt");
    await writeFile(path, "0");

    await Promise.all(Array.from({ length: 30 }, () => editTextFile(path, (current) => String(Number(current) + 1))));

    expect(await readFile(path, "utf8")).toBe("30");
  });
});
