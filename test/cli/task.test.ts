import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { SAMPLE_TASKS, SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

describe("specwright task", () => {
  const directory = useTempDirectory();
  const tasksFile = () => join(directory(), ".kiro/specs/rate-limiting/tasks.md");

  it("checks a task off by changing one byte", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const result = await runCli(["task", "rate-limiting", "2.1", "--status", "done", "--json"], { cwd: directory() });
    expect(result.code).toBe(0);
    expect(jsonOf(result)).toMatchObject({
      ok: true,
      changed: true,
      id: "2.1",
      file: ".kiro/specs/rate-limiting/tasks.md",
      before: { status: "todo" },
      after: { status: "done" },
    });
    expect(await readFile(tasksFile(), "utf8")).toBe(SAMPLE_TASKS.replace("[ ] 2.1", "[x] 2.1"));
  });

  it("sets and clears the optional mark, and says when nothing changes", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const cleared = await runCli(["task", "rate-limiting", "1.2", "--optional", "off"], { cwd: directory() });
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toContain("rate-limiting task 1.2: todo (optional) → todo");
    expect(await readFile(tasksFile(), "utf8")).toBe(SAMPLE_TASKS.replace("[ ]* 1.2", "[ ] 1.2"));
    const again = await runCli(["task", "rate-limiting", "1.2", "--optional", "off"], { cwd: directory() });
    expect(again.stdout).toContain("nothing written");
  });

  it("refuses an unknown task id, names the closest ones and leaves the file alone", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const result = await runCli(["task", "rate-limiting", "2.3", "--status", "done", "--json"], { cwd: directory() });
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "unknown-task" } });
    expect((jsonOf(result).error as { candidates: string[] }).candidates).toEqual(
      expect.arrayContaining(["2.1", "2.2"]),
    );
    expect(await readFile(tasksFile(), "utf8")).toBe(SAMPLE_TASKS);
  });

  it("treats a bad status or a missing change as a usage error (exit 2)", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const bad = await runCli(["task", "rate-limiting", "2.1", "--status", "finished", "--json"], { cwd: directory() });
    expect(bad.code).toBe(2);
    expect(jsonOf(bad)).toMatchObject({ ok: false, error: { code: "usage" } });
    const none = await runCli(["task", "rate-limiting", "2.1"], { cwd: directory() });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--status");
  });

  it("refuses a read-only tasks.md without touching it", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const { chmod } = await import("node:fs/promises");
    await chmod(tasksFile(), 0o444);
    const result = await runCli(["task", "rate-limiting", "2.1", "--status", "done", "--json"], { cwd: directory() });
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "read-only" } });
    expect(await readFile(tasksFile(), "utf8")).toBe(SAMPLE_TASKS);
  });
});
