import { execFileSync } from "node:child_process";
import { chmod, mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_TEXT_FILE_BYTES, readTextFile, readTextFileSync } from "../../src/workspace/read-text-file.js";
import { useTempDirectory } from "../helpers/temp-dir.js";
import { expectWorkspaceError } from "./expect-workspace-error.js";

const temp = useTempDirectory();

const readers = [
  ["readTextFile", readTextFile],
  // The synchronous reader must refuse exactly what the asynchronous one does.
  ["readTextFileSync", async (path: string, options?: { maxBytes?: number }) => readTextFileSync(path, options)],
] as const;

describe.each(readers)("%s", (_name, read) => {
  it("returns the text exactly as stored, BOM and CRLF included", async () => {
    const path = join(temp(), "requirements.md");
    const bytes = Buffer.from("\uFEFF# Requirements\r\n\r\n- [ ] 1. Ünïcødé ✓\r\nlast line without newline", "utf8");
    await writeFile(path, bytes);

    const text = await read(path);

    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("\r\n");
    expect(Buffer.from(text, "utf8").equals(bytes)).toBe(true);
  });

  it("refuses a binary file (a NUL byte in the first 8 KB)", async () => {
    const path = join(temp(), "image.md");
    await writeFile(path, Buffer.concat([Buffer.from("looks like text"), Buffer.from([0]), Buffer.from("more")]));

    const error = await expectWorkspaceError(read(path), "binary-file");

    expect(error.path).toBe(path);
  });

  it("only sniffs the first 8 KB for NUL bytes", async () => {
    const path = join(temp(), "late-nul.md");
    await writeFile(path, Buffer.concat([Buffer.alloc(8192, "a"), Buffer.from([0])]));

    const text = await read(path);

    expect(text.length).toBe(8193);
    expect(text.endsWith("\u0000")).toBe(true);
  });

  it("refuses invalid UTF-8 instead of decoding replacement characters", async () => {
    const path = join(temp(), "latin1.md");
    await writeFile(path, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])); // "café\n" in Latin-1

    const error = await expectWorkspaceError(read(path), "invalid-utf8");

    expect(error.fix).toMatch(/UTF-8/);
  });

  it("refuses a file above the size limit and accepts one at the limit", async () => {
    const path = join(temp(), "big.md");
    await writeFile(path, "12345678901");

    const error = await expectWorkspaceError(read(path, { maxBytes: 10 }), "too-large");
    expect(error.message).toContain("11 bytes");

    await writeFile(path, "1234567890");
    await expect(read(path, { maxBytes: 10 })).resolves.toBe("1234567890");
  });

  it("has a 32 MB default limit", () => {
    expect(DEFAULT_MAX_TEXT_FILE_BYTES).toBe(32 * 1024 * 1024);
  });

  it("reports a missing file as not-found", async () => {
    const path = join(temp(), "missing", "tasks.md");

    const error = await expectWorkspaceError(read(path), "not-found");

    expect(error.path).toBe(path);
  });

  it("reports a directory as is-directory", async () => {
    const path = join(temp(), "specs");
    await mkdir(path);

    await expectWorkspaceError(read(path), "is-directory");
  });

  it("reports an unreadable file as permission-denied (root may read it anyway)", async () => {
    const path = join(temp(), "secret.md");
    await writeFile(path, "secret");
    await chmod(path, 0o000);

    if (process.getuid?.() === 0) {
      // Root bypasses file permissions, so EACCES cannot happen; the read must then simply work.
      await expect(read(path)).resolves.toBe("secret");
      return;
    }
    const error = await expectWorkspaceError(read(path), "permission-denied");
    expect(error.fix).toMatch(/chmod/);
  });
});

describe("readTextFileSync inside a workspace", () => {
  async function workspace(): Promise<{ root: string; spec: string; outside: string }> {
    const root = join(temp(), "repository");
    const spec = join(root, ".kiro", "specs", "limiter");
    const outside = join(temp(), "outside");
    await mkdir(spec, { recursive: true });
    await mkdir(outside, { recursive: true });
    return { root, spec, outside };
  }

  it("follows a symlink to a file inside the workspace, with or without a shared folder cache", async () => {
    const { spec } = await workspace();
    await writeFile(join(spec, "notes.md"), "# Notes\n");
    await symlink(join(spec, "notes.md"), join(spec, "tasks.md"));
    const realFolders = new Map<string, string>();

    expect(readTextFileSync(join(spec, "tasks.md"))).toBe("# Notes\n");
    expect(readTextFileSync(join(spec, "tasks.md"), { realFolders })).toBe("# Notes\n");
    expect(readTextFileSync(join(spec, "notes.md"), { realFolders })).toBe("# Notes\n");
  });

  it("refuses a file symlinked out of the workspace, also after its folder was resolved for a batch", async () => {
    const { spec, outside } = await workspace();
    await writeFile(join(spec, "requirements.md"), "# Requirements\n");
    await writeFile(join(outside, "secret.md"), "secret");
    await symlink(join(outside, "secret.md"), join(spec, "tasks.md"));
    const realFolders = new Map<string, string>();

    expect(readTextFileSync(join(spec, "requirements.md"), { realFolders })).toBe("# Requirements\n");
    const error = await expectWorkspaceError(
      (async () => readTextFileSync(join(spec, "tasks.md"), { realFolders }))(),
      "outside-workspace",
    );
    expect(error.message).toContain(join(outside, "secret.md"));
  });

  it("refuses a file in a spec folder symlinked out of the workspace", async () => {
    const { root, outside } = await workspace();
    await writeFile(join(outside, "tasks.md"), "- [ ] 1. Outside\n");
    await symlink(outside, join(root, ".kiro", "specs", "elsewhere"));

    await expectWorkspaceError(
      (async () => readTextFileSync(join(root, ".kiro", "specs", "elsewhere", "tasks.md")))(),
      "outside-workspace",
    );
  });

  it("reads a workspace reached through a symlinked folder, and still refuses what leads out of it", async () => {
    const { root, spec, outside } = await workspace();
    await writeFile(join(spec, "tasks.md"), "- [ ] 1. Inside\n");
    await writeFile(join(outside, "secret.md"), "secret");
    await symlink(join(outside, "secret.md"), join(spec, "design.md"));
    const linked = join(temp(), "linked");
    await symlink(root, linked);
    const linkedSpec = join(linked, ".kiro", "specs", "limiter");
    const realFolders = new Map<string, string>();

    expect(readTextFileSync(join(linkedSpec, "tasks.md"), { realFolders })).toBe("- [ ] 1. Inside\n");
    await expectWorkspaceError(
      (async () => readTextFileSync(join(linkedSpec, "design.md"), { realFolders }))(),
      "outside-workspace",
    );
  });

  it("refuses a named pipe by what it is, without blocking", async () => {
    const { spec } = await workspace();
    execFileSync("mkfifo", [join(spec, "tasks.md")]);

    const error = await expectWorkspaceError((async () => readTextFileSync(join(spec, "tasks.md")))(), "not-a-file");

    expect(error.message).toContain("named pipe");
  });
});
