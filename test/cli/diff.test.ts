import { describe, expect, it } from "vitest";
import { createGitRepository } from "../helpers/git-repository.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { simulateTaskRun } from "../helpers/task-run-simulation.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const TASK_SCRIPT =
  "echo 'export const two = 2;' >> src/calculator.js && rm test/calculator.test.js && echo x > made.txt";

describe("specwright diff", () => {
  const directory = useTempDirectory();

  it("prints the task's unified diff, shell-made files included, without colour off a terminal", async () => {
    await createGitRepository(directory());
    await simulateTaskRun(directory(), "calculator", "1", TASK_SCRIPT);
    const result = await runCli(["diff", "calculator", "--task", "1"], { cwd: directory() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("calculator task 1: 3 files changed (1 added, 1 modified, 1 deleted), +2 -7");
    expect(result.stdout).toContain("+++ b/made.txt\n@@ -0,0 +1 @@\n+x\n");
    expect(result.stdout).toContain("+export const two = 2;");
    expect(result.stdout).not.toContain("\u001b[");
  });

  it("--stat lists the files; colour when forced, none under NO_COLOR", async () => {
    await createGitRepository(directory());
    await simulateTaskRun(directory(), "calculator", "1", TASK_SCRIPT);
    const stat = await runCli(["diff", "calculator", "--task", "1", "--stat"], { cwd: directory() });
    expect(stat.stdout.split("\n").slice(1, 4)).toEqual([
      "  A  made.txt                 +1 -0",
      "  M  src/calculator.js        +1 -0",
      "  D  test/calculator.test.js  +0 -7",
    ]);
    const coloured = await runCli(["diff", "calculator", "--task", "1"], {
      cwd: directory(),
      env: { FORCE_COLOR: "1" },
    });
    expect(coloured.stdout).toContain("\u001b[32m+x\u001b[0m");
    const plain = await runCli(["diff", "calculator", "--task", "1"], {
      cwd: directory(),
      env: { FORCE_COLOR: "1", NO_COLOR: "1" },
    });
    expect(plain.stdout).not.toContain("\u001b[");
  });

  it("--json prints one document with the files, totals and diff text", async () => {
    await createGitRepository(directory());
    await simulateTaskRun(directory(), "calculator", "1", TASK_SCRIPT);
    const result = await runCli(["diff", "calculator", "--task", "1", "--json"], { cwd: directory() });
    const document = jsonOf(result);
    expect(document).toMatchObject({
      ok: true,
      spec: "calculator",
      taskId: "1",
      totals: { files: 3, added: 1, modified: 1, deleted: 1 },
      before: { ref: "refs/specwright/checkpoints/calculator/1/before" },
    });
    expect(document.diff).toEqual(expect.stringContaining("+x"));
  });

  it("names the tasks that have checkpoints when the one asked for has none (exit 1)", async () => {
    await createGitRepository(directory());
    await simulateTaskRun(directory(), "calculator", "1", "echo x > made.txt");
    const result = await runCli(["diff", "calculator", "--task", "2", "--json"], { cwd: directory() });
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "no-checkpoint", candidates: ["1"] } });
    const text = await runCli(["diff", "calculator", "--task", "2"], { cwd: directory() });
    expect(text.stderr).toContain("Tasks with checkpoints: 1.");
    expect(text.stderr).not.toContain("    at ");
  });

  it("outside a git repository, refuses with the commands that make one", async () => {
    const result = await runCli(["diff", "calculator", "--task", "1", "--json"], { cwd: directory() });
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "not-a-git-repository" } });
    expect(JSON.stringify(jsonOf(result))).toContain("git init");
  });

  it("treats a missing --task as a usage error (exit 2) with examples in --help", async () => {
    const result = await runCli(["diff", "calculator"], { cwd: directory() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--task");
    const help = await runCli(["diff", "--help"], { cwd: directory() });
    expect(help.stdout).toContain("specwright diff rate-limiting --task 2.1 --stat");
  });
});
