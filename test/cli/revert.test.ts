import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createGitRepository, git, readWorkingTree, repositoryState } from "../helpers/git-repository.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { simulateTaskRun } from "../helpers/task-run-simulation.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const TASK_SCRIPT = [
  "echo 'export const two = 2;' >> src/calculator.js",
  "rm test/calculator.test.js",
  "mkdir -p lib && echo made > lib/made.txt",
  "chmod +x package.json",
  "ln -s src/calculator.js alias.js",
].join(" && ");

describe("specwright revert", () => {
  const directory = useTempDirectory();

  it("restores exactly what was there before the task, uncommitted work and the user's staging kept", async () => {
    const root = directory();
    await createGitRepository(root);
    await writeTree(root, { "uncommitted.txt": "mine\n", "staged.txt": "staged\n" });
    await git(root, "add", "staged.txt");
    const original = await readWorkingTree(root);
    await simulateTaskRun(root, "calculator", "1", TASK_SCRIPT);
    const stateBefore = await repositoryState(root);

    const result = await runCli(["revert", "calculator", "--task", "1"], { cwd: root });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("calculator task 1: reverted 5 files");
    expect(result.stdout).toMatch(/recreated\s+test\/calculator\.test\.js/);
    expect(result.stdout).toMatch(/deleted\s+lib\/made\.txt/);
    expect(await readWorkingTree(root)).toEqual(original);
    const stateAfter = await repositoryState(root);
    expect([stateAfter.staged, stateAfter.head, stateAfter.branch, stateAfter.stashList]).toEqual([
      stateBefore.staged,
      stateBefore.head,
      stateBefore.branch,
      stateBefore.stashList,
    ]);
  });

  it("refuses when a file changed since the task, naming it (exit 1, nothing written); --force reverts", async () => {
    const root = directory();
    await createGitRepository(root);
    const original = await readWorkingTree(root);
    await simulateTaskRun(root, "calculator", "1", TASK_SCRIPT);
    await writeFile(join(root, "lib/made.txt"), "edited later\n");
    const edited = await readWorkingTree(root);

    const refused = await runCli(["revert", "calculator", "--task", "1", "--json"], { cwd: root });
    expect(refused.code).toBe(1);
    expect(jsonOf(refused)).toMatchObject({
      ok: false,
      error: { code: "changed-since-task", candidates: ["lib/made.txt"] },
    });
    expect(await readWorkingTree(root)).toEqual(edited);

    const forced = await runCli(["revert", "calculator", "--task", "1", "--force", "--json"], { cwd: root });
    expect(forced.code).toBe(0);
    expect(jsonOf(forced)).toMatchObject({ ok: true, overwritten: ["lib/made.txt"], alreadyReverted: false });
    expect(await readWorkingTree(root)).toEqual(original);
  });

  it("says nothing is written when the task is already reverted", async () => {
    const root = directory();
    await createGitRepository(root);
    await simulateTaskRun(root, "calculator", "1", TASK_SCRIPT);
    await runCli(["revert", "calculator", "--task", "1"], { cwd: root });
    const again = await runCli(["revert", "calculator", "--task", "1"], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("nothing written");
  });

  it("outside a git repository, refuses with the fix and exit 1", async () => {
    await writeTree(directory(), { ".kiro/specs/calculator/tasks.md": "# Implementation Plan\n" });
    const result = await runCli(["revert", "calculator", "--task", "1"], { cwd: directory() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("not inside a git repository");
    expect(result.stderr).toContain("git init");
  });
});
