import { chmod, chown, lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/workspace/atomic-write.js";
import { useTempDirectory } from "../helpers/temp-dir.js";
import { expectWorkspaceError } from "./expect-workspace-error.js";

const temp = useTempDirectory();

const modeOf = async (path: string) => (await stat(path)).mode & 0o7777;

describe("writeFileAtomic", () => {
  it("writes the exact content, BOM and CRLF included", async () => {
    const path = join(temp(), "tasks.md");
    const content = "\uFEFF# Tasks\r\n\r\n- [ ] 1. Do it\r\n  - _Requirements: 1.1_\r\n";

    await writeFileAtomic(path, content);

    const bytes = await readFile(path);
    expect(bytes.equals(Buffer.from(content, "utf8"))).toBe(true);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("writes bytes as given", async () => {
    const path = join(temp(), "data.bin");
    const bytes = new Uint8Array([0, 1, 2, 255, 13, 10]);

    await writeFileAtomic(path, bytes);

    expect([...(await readFile(path))]).toEqual([...bytes]);
  });

  it("gives a new file the same mode as a plain write would (umask applied)", async () => {
    const reference = join(temp(), "reference.md");
    await writeFile(reference, "x");
    const path = join(temp(), "new.md");

    await writeFileAtomic(path, "x");

    expect(await modeOf(path)).toBe(await modeOf(reference));
  });

  it.each([0o640, 0o755, 0o600])("keeps the mode %o of the file it replaces", async (mode) => {
    const path = join(temp(), "script.sh");
    await writeFile(path, "old\n");
    await chmod(path, mode);

    await writeFileAtomic(path, "#!/bin/sh\r\necho new\r\n");

    expect(await modeOf(path)).toBe(mode);
    expect(await readFile(path, "utf8")).toBe("#!/bin/sh\r\necho new\r\n");
  });

  it("keeps the owner of the file it replaces", async () => {
    const path = join(temp(), "shared.md");
    await writeFile(path, "old");
    const isRoot = process.getuid?.() === 0;
    // Only root can hand a file to another user; as anyone else the file is ours and must stay ours.
    if (isRoot) await chown(path, 4321, 4321);
    const before = await stat(path);

    await writeFileAtomic(path, "new");

    const after = await stat(path);
    expect({ uid: after.uid, gid: after.gid }).toEqual({ uid: before.uid, gid: before.gid });
    if (isRoot) expect(after.uid).toBe(4321);
  });

  it("replaces the file rather than rewriting it in place (a reader of the old file keeps the old content)", async () => {
    const path = join(temp(), "design.md");
    await writeFile(path, "old");
    const before = await stat(path);

    await writeFileAtomic(path, "new");

    expect((await stat(path)).ino).not.toBe(before.ino);
    expect(await readFile(path, "utf8")).toBe("new");
  });

  it("leaves no temp files behind", async () => {
    const path = join(temp(), "requirements.md");
    for (let round = 0; round < 5; round++) await writeFileAtomic(path, `round ${round}\n`);

    expect(await readdir(temp())).toEqual(["requirements.md"]);
  });

  it("writes through a symlink and keeps the link", async () => {
    const real = join(temp(), "real.md");
    const link = join(temp(), "link.md");
    await writeFile(real, "old");
    await symlink(real, link);

    await writeFileAtomic(link, "new");

    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, "utf8")).toBe("new");
    expect((await readdir(temp())).sort()).toEqual(["link.md", "real.md"]);
  });

  it("refuses a read-only file and leaves it untouched (also as root)", async () => {
    const path = join(temp(), "locked.md");
    await writeFile(path, "keep me\r\n");
    await chmod(path, 0o444);

    const error = await expectWorkspaceError(writeFileAtomic(path, "overwritten"), "read-only");

    expect(error.path).toBe(path);
    expect(error.fix).toMatch(/chmod u\+w/);
    expect(await readFile(path, "utf8")).toBe("keep me\r\n");
    expect(await modeOf(path)).toBe(0o444);
    expect(await readdir(temp())).toEqual(["locked.md"]);
  });

  it("refuses to replace a directory", async () => {
    const path = join(temp(), "specs");
    await mkdir(path);

    await expectWorkspaceError(writeFileAtomic(path, "x"), "is-directory");

    expect((await stat(path)).isDirectory()).toBe(true);
    expect(await readdir(temp())).toEqual(["specs"]);
  });

  it("reports a missing folder as not-found and creates nothing", async () => {
    const path = join(temp(), "no-such-folder", "tasks.md");

    await expectWorkspaceError(writeFileAtomic(path, "x"), "not-found");

    expect(await readdir(temp())).toEqual([]);
  });
});
