import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_TASK_DEPTH } from "../../src/model/tasks/parse-tasks.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const TASKS = ".kiro/specs/rate-limiting/tasks.md";

describe("bad input reaches the user as a message, never a crash", () => {
  const directory = useTempDirectory();

  it("handles a 20 MB tasks.md with 400,000 tasks: status counts them, task edits one byte", async () => {
    const lines = Array.from(
      { length: 400_000 },
      (_, index) => `- [ ] ${index + 1}. Task number ${index + 1} ${"x".repeat(20)}`,
    );
    const text = `# Implementation Plan\n\n${lines.join("\n")}\n`;
    expect(text.length).toBeGreaterThan(20_000_000);
    await writeTree(directory(), { ...SAMPLE_WORKSPACE, [TASKS]: text });
    const status = await runCli(["status", "rate-limiting", "--json"], { cwd: directory() });
    expect(status.code).toBe(0);
    expect(jsonOf(status)).toMatchObject({ specs: [{ progress: { required: { total: 400_000, done: 0 } } }] });
    const task = await runCli(["task", "rate-limiting", "399999", "--status", "done"], { cwd: directory() });
    expect(task.code).toBe(0);
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(text.replace("- [ ] 399999.", "- [x] 399999."));
  });

  it("refuses invalid UTF-8 in tasks.md with a fix and leaves the file as it was", async () => {
    const bytes = Buffer.from("- [ ] 1. caf\xe9\n", "latin1");
    await writeTree(directory(), SAMPLE_WORKSPACE);
    await writeFile(join(directory(), TASKS), bytes);
    const result = await runCli(["task", "rate-limiting", "1", "--status", "done", "--json"], { cwd: directory() });
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({
      ok: false,
      error: { code: "invalid-utf8", fix: expect.stringContaining("UTF-8") },
    });
    expect((await readFile(join(directory(), TASKS))).equals(bytes)).toBe(true);
  });

  it("exports a spec whose tasks nest 3,000 deep (capped, with a diagnostic) and whose requirements file is binary", async () => {
    const deep = Array.from({ length: 3000 }, (_, depth) => `${" ".repeat(depth)}- [ ] ${depth + 1}. Level`).join("\n");
    await writeTree(directory(), { ...SAMPLE_WORKSPACE, [TASKS]: deep });
    await writeFile(
      join(directory(), ".kiro/specs/rate-limiting/requirements.md"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]),
    );
    const result = await runCli(["export", "rate-limiting", "--json"], { cwd: directory() });
    expect(result.code).toBe(0);
    const document = jsonOf(result) as {
      tasks: Array<{ children: unknown[] }>;
      problems: Array<{ code: string }>;
      diagnostics: Array<{ code: string }>;
    };
    expect(document.problems).toMatchObject([
      { code: "binary-file", file: ".kiro/specs/rate-limiting/requirements.md" },
    ]);
    let depth = 0;
    let last = document.tasks[0];
    for (let level = document.tasks[0]; level; level = level.children[0] as typeof level) {
      depth++;
      last = level;
    }
    expect(depth).toBe(MAX_TASK_DEPTH + 1);
    expect(last?.children ?? []).toEqual([]);
    expect(document.diagnostics.map((diagnostic) => diagnostic.code)).toContain("tasks/too-deep");
    for (const command of [["check"], ["status"], ["task", "rate-limiting", "1", "--status", "done"]]) {
      expect((await runCli(command, { cwd: directory() })).stderr).not.toContain("Maximum call stack");
    }
  });

  it("never prints a stack trace for an unexpected failure", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    // A folder where a file belongs: the spec's tasks.md is a directory.
    await writeTree(directory(), { [`${TASKS}.d/`]: "" });
    const { rename, rm } = await import("node:fs/promises");
    await rm(join(directory(), TASKS));
    await rename(join(directory(), `${TASKS}.d`), join(directory(), TASKS));
    const result = await runCli(["task", "rate-limiting", "1", "--status", "done"], { cwd: directory() });
    expect(result.code).not.toBe(0);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toContain("fix:");
  });
});
