import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { leakedFiles, plantGitPayloads } from "../helpers/git-payloads.js";
import { createRunnerProject, RUNNER_TASKS } from "../helpers/runner-project.js";
import { useTempDirectory } from "../helpers/temp-dir.js";
import { honestSubtractCalls } from "../helpers/weakening-attacks.js";

const TASKS = ".kiro/specs/calculator/tasks.md";

/**
 * The agent (or a process it left behind) plants a filter, an fsmonitor hook, a textconv, an external diff
 * and hooks in `.git/` while the task runs: under the sandbox it cannot, so the test plants them itself
 * between two model turns, as if it had found a way. Specwright's checkpoint, diff and revert then run git
 * in that repository: nothing may execute, and the task may not be checked off.
 */
describe("attack: git filter, fsmonitor and hooks planted during a task", () => {
  const directory = useTempDirectory("specwright-attack-git-");
  const model = useCliWithFakeModel(directory, "openai-compatible:fake");

  it("runs no payload, reports and undoes the .git change, and leaves the task for review", async () => {
    await createRunnerProject(directory());
    const configBefore = await readFile(join(directory(), ".git/config"), "utf8");
    process.env.OPENAI_API_KEY = "sk-attack-must-not-leak";
    const run = await model
      .run(
        ["run", "calculator", "--task", "1.1", "--json"],
        [{ toolCalls: honestSubtractCalls() }, { act: () => plantGitPayloads(directory()), reply: { text: "Done." } }],
      )
      .finally(() => {
        delete process.env.OPENAI_API_KEY;
      });
    expect(run.code).toBe(1);
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(RUNNER_TASKS);
    const end = run.stdout
      .trim()
      .split("\n")
      .map(
        (line) =>
          JSON.parse(line) as {
            type: string;
            outcome?: { status: string; integrity?: { findings: { code: string; path?: string }[] } };
          },
      )
      .find((event) => event.type === "task-end");
    expect(end?.outcome?.status).toBe("needs-review");
    const paths = (end?.outcome?.integrity?.findings ?? [])
      .filter((finding) => finding.code === "git-metadata-changed")
      .map((finding) => finding.path);
    expect(paths).toEqual(
      expect.arrayContaining([".git/config", ".git/hooks/pre-commit", ".git/hooks/reference-transaction"]),
    );
    // Put back as it was before the task, before Specwright's own git ran again.
    expect(await readFile(join(directory(), ".git/config"), "utf8")).toBe(configBefore);

    // diff and revert work in the repository (whose .gitattributes still selects the filter) and run nothing.
    const diff = await model.run(["diff", "calculator", "--task", "1.1"]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain("subtract");
    await plantGitPayloads(directory());
    const revert = await model.run(["revert", "calculator", "--task", "1.1", "--force"]);
    expect(revert.code).toBe(0);
    // The .git files the task had changed are put back by revert too.
    expect(revert.stdout).toContain("put back as before the task: .git/config");
    expect(await readFile(join(directory(), ".git/config"), "utf8")).toBe(configBefore);
    expect(await leakedFiles(directory())).toEqual([]);
  });
});
