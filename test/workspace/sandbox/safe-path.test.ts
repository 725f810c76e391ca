import { mkdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PathRefusedError } from "../../../src/workspace/sandbox/path-refused-error.js";
import { type PathAccess, resolveSafePath } from "../../../src/workspace/sandbox/safe-path.js";
import { createTempDirectory, removeTempDirectory, useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-safe-path-");

async function refusalCode(requested: string, access: PathAccess, allowSecretReads?: string[]): Promise<string> {
  const error = await resolveSafePath(temp(), requested, access, allowSecretReads ? { allowSecretReads } : {}).catch(
    (caught: unknown) => caught,
  );
  if (error instanceof PathRefusedError) return error.code;
  throw new Error(`${requested} was not refused (${String(error)})`);
}

describe("resolveSafePath (real files)", () => {
  it("resolves a file inside, existing or not yet", async () => {
    await writeTree(temp(), { "src/a.ts": "a" });
    expect((await resolveSafePath(temp(), "src/a.ts", "read")).relative).toBe("src/a.ts");
    expect((await resolveSafePath(temp(), "src/new/deep/b.ts", "write")).relative).toBe("src/new/deep/b.ts");
  });

  it("refuses a symlink whose target is outside the workspace", async () => {
    const outside = await createTempDirectory("specwright-outside-");
    try {
      await writeTree(outside, { "secret.txt": "s" });
      await symlink(join(outside, "secret.txt"), join(temp(), "link.txt"));
      await symlink(outside, join(temp(), "linked-folder"));
      expect(await refusalCode("link.txt", "read")).toBe("outside-workspace");
      expect(await refusalCode("linked-folder/secret.txt", "read")).toBe("outside-workspace");
      // A new file through a symlinked folder would land outside too.
      expect(await refusalCode("linked-folder/new.txt", "write")).toBe("outside-workspace");
    } finally {
      await removeTempDirectory(outside);
    }
  });

  it("follows a symlink that stays inside", async () => {
    await writeTree(temp(), { "real/a.txt": "a" });
    await symlink(join(temp(), "real"), join(temp(), "alias"));
    const resolved = await resolveSafePath(temp(), "alias/a.txt", "read");
    expect(resolved.relative).toBe("alias/a.txt");
    expect(resolved.real.endsWith(join("real", "a.txt"))).toBe(true);
  });

  it("refuses writes and deletes in .git but allows reading there", async () => {
    await mkdir(join(temp(), ".git"));
    await writeTree(temp(), { ".git/HEAD": "ref: refs/heads/main\n" });
    expect(await refusalCode(".git/HEAD", "write")).toBe("git-directory");
    expect(await refusalCode(".git/hooks/pre-commit", "write")).toBe("git-directory");
    expect(await refusalCode(".git/HEAD", "delete")).toBe("git-directory");
    expect((await resolveSafePath(temp(), ".git/HEAD", "read")).relative).toBe(".git/HEAD");
  });

  it("refuses a symlink that leads into .git for writing", async () => {
    await writeTree(temp(), { ".git/config": "[core]\n" });
    await symlink(join(temp(), ".git", "config"), join(temp(), "innocent.cfg"));
    expect(await refusalCode("innocent.cfg", "write")).toBe("git-directory");
  });

  it("refuses secret-looking files unless allowSecretReads names them", async () => {
    await writeTree(temp(), { ".env": "TOKEN=x", ".env.example": "TOKEN=", "config/app.pem": "k" });
    expect(await refusalCode(".env", "read")).toBe("secret-file");
    expect(await refusalCode("config/app.pem", "read")).toBe("secret-file");
    expect(await refusalCode(".env", "write")).toBe("secret-file");
    expect((await resolveSafePath(temp(), ".env.example", "read")).relative).toBe(".env.example");
    expect((await resolveSafePath(temp(), ".env", "read", { allowSecretReads: [".env"] })).relative).toBe(".env");
  });

  it("refuses a symlink with an innocent name that points at a secret", async () => {
    await writeTree(temp(), { ".env": "TOKEN=x" });
    await symlink(join(temp(), ".env"), join(temp(), "notes.txt"));
    expect(await refusalCode("notes.txt", "read")).toBe("secret-file");
  });

  it("refuses .. and absolute paths outside", async () => {
    expect(await refusalCode("../escape.txt", "write")).toBe("outside-workspace");
    expect(await refusalCode("/etc/hostname", "read")).toBe("outside-workspace");
  });
});
