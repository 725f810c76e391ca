import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const DEEP = "[".repeat(100_000);
const SPEC = ".kiro/specs/rate-limiting";

/** Every JSON file Specwright reads, nested 100,000 levels deep (and never closed). */
const DEEP_FILES: Record<string, string> = {
  ".kiro/settings/mcp.json": DEEP,
  ".kiro/settings/specwright.json": DEEP,
  ".kiro/hooks/lint.kiro.hook": DEEP,
  ".kiro/hooks/format.json": DEEP,
  [`${SPEC}/.config.kiro`]: DEEP,
  [`${SPEC}/tasks.meta.json`]: DEEP,
  ".mcp.json": DEEP,
};

describe("JSON nested 100,000 levels deep in every JSON file", () => {
  const directory = useTempDirectory();

  it("gives check a diagnostic per file instead of a stack overflow", async () => {
    await writeTree(directory(), { ...SAMPLE_WORKSPACE, ...DEEP_FILES });

    const result = await runCli(["check", "--json", "--no-cache"], { cwd: directory() });

    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    const deep = (jsonOf(result).diagnostics as { file: string; message: string }[]).filter((diagnostic) =>
      diagnostic.message.includes("nests deeper than"),
    );
    expect(deep.map((diagnostic) => diagnostic.file).sort()).toEqual([
      ".kiro/hooks/format.json",
      ".kiro/hooks/lint.kiro.hook",
      ".kiro/settings/mcp.json",
      ".kiro/settings/specwright.json",
    ]);
  });

  it("lets status, export and task work on, without a stack trace", async () => {
    await writeTree(directory(), { ...SAMPLE_WORKSPACE, ...DEEP_FILES });

    for (const args of [
      ["status"],
      ["export", "rate-limiting"],
      ["task", "rate-limiting", "2.1", "--status", "done"],
    ]) {
      const result = await runCli([...args, "--json"], { cwd: directory() });
      expect(result.stderr, args[0]).toBe("");
      expect(result.stdout, args[0]).not.toContain("RangeError");
      expect(result.code, args[0]).toBeLessThanOrEqual(1);
      jsonOf(result);
    }
    expect(await readFile(join(directory(), SPEC, "tasks.md"), "utf8")).toContain("[x] 2.1");
  });

  it.each([
    ["claude-code", ".mcp.json"],
    ["kiro", ".kiro/settings/mcp.json"],
  ])("makes mcp install --client %s refuse the file with a message and leave it alone", async (client, file) => {
    await writeTree(directory(), { ...SAMPLE_WORKSPACE, ...DEEP_FILES });

    const result = await runCli(["mcp", "install", "--client", client, "--json"], { cwd: directory() });

    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "unmergeable-config" } });
    expect(result.stdout).toContain("nests deeper than 256 levels");
    expect(await readFile(join(directory(), file), "utf8")).toBe(DEEP);
  });
});
