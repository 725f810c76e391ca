import { mkdir, symlink, truncate } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeTerminalText } from "../../src/cli/escape-terminal-text.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const directory = useTempDirectory();

describe("messages about files and names", () => {
  it("says a symlink loop on .kiro/specs is a loop, not a full disk", async () => {
    await mkdir(join(directory(), ".kiro"));
    await symlink("specs", join(directory(), ".kiro", "specs"));

    const result = await runCli(["status"], { cwd: directory() });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("symlink loop");
    expect(result.stderr).not.toContain("free space");
  });

  it("refuses a 50 MB tasks.md without advising a size limit nobody can raise", async () => {
    await writeTree(directory(), { ".kiro/specs/big/tasks.md": "" });
    await truncate(join(directory(), ".kiro/specs/big/tasks.md"), 50 * 1024 * 1024);

    const result = await runCli(["task", "big", "1", "--status", "done", "--json"], { cwd: directory() });

    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "too-large" } });
    expect(result.stdout).not.toContain("raise the size limit");
    expect(result.stdout).toContain("up to 33554432 bytes");
  });

  it("suggests -- when a spec folder's name starts with a dash", async () => {
    await writeTree(directory(), { ".kiro/specs/-rf/tasks.md": "- [ ] 1. A\n" });

    const text = await runCli(["task", "-rf", "1", "--status", "done"], { cwd: directory() });
    expect(text.code).toBe(2);
    expect(text.stderr).toContain("unknown option '-rf'");
    expect(text.stderr).toContain("specwright task [options] -- -rf");
    const json = jsonOf(await runCli(["task", "-rf", "1", "--json"], { cwd: directory() }));
    expect(json).toMatchObject({ ok: false, error: { code: "usage", fix: expect.stringContaining("-- -rf") } });

    const passed = await runCli(["task", "--status", "done", "--", "-rf", "1"], { cwd: directory() });
    expect(passed).toMatchObject({ code: 0, stderr: "" });
  });

  it("escapes control and bidi characters of a name it echoes", async () => {
    await writeTree(directory(), { ".kiro/specs/real/tasks.md": "- [ ] 1. A\n" });
    const name = "evil\u202Egpj.exe\u001b[2J";

    const result = await runCli(["task", name, "1", "--status", "done"], { cwd: directory() });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("evil\\u{202E}gpj.exe\\u{001B}[2J");
    expect(result.stderr.includes("\u202E") || result.stderr.includes("\u001b")).toBe(false);
  });
});

describe("escapeTerminalText", () => {
  it("makes C0, C1, DEL and bidi controls visible and keeps tab, newline and other text", () => {
    expect(escapeTerminalText("a\tb\nc\u0007d\u007fe\u0085f\u2066g\u200fh é 名")).toBe(
      "a\tb\nc\\u{0007}d\\u{007F}e\\u{0085}f\\u{2066}g\\u{200F}h é 名",
    );
  });
});
