import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { createModelSession } from "../../../src/engine/llm/create-model-session.js";
import type { ModelSession } from "../../../src/engine/llm/model-session.js";
import { createDefaultRunnerServices } from "../../../src/engine/runner/default-runner-services.js";
import type { RunEvent } from "../../../src/engine/runner/run-events.js";
import { type RunSpecTasksOptions, runSpecTasks } from "../../../src/engine/runner/run-spec-tasks.js";
import { readRunLog } from "../../../src/workspace/run-log/index.js";
import { createGitRepository, TINY_PROJECT } from "../../helpers/git-repository.js";
import { createMockModel, type MockModel, type MockReply } from "../../helpers/mock-model.js";
import { createRunnerProject, RUNNER_TASKS, subtractFiles } from "../../helpers/runner-project.js";
import { createTempDirectory, removeTempDirectory, useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const TASKS = ".kiro/specs/calculator/tasks.md";

function writeSubtract(broken = false): MockReply {
  const files = subtractFiles(broken);
  return {
    toolCalls: [
      { name: "write_file", input: { path: "src/calculator.js", content: files.module } },
      { name: "write_file", input: { path: "test/subtract.test.js", content: files.test } },
    ],
  };
}

async function session(mock: MockModel, limits: { maxTokens?: number } = {}): Promise<ModelSession> {
  return createModelSession({
    selection: { provider: "openai-compatible", modelId: "mock-model", source: "test" },
    env: {},
    languageModel: mock.model,
    streaming: false,
    limits,
  });
}

describe("runSpecTasks", () => {
  const directory = useTempDirectory("specwright-runner-");
  const tasks = () => readFile(join(directory(), TASKS), "utf8");

  async function run(mock: MockModel, options: Partial<RunSpecTasksOptions> = {}) {
    const events: RunEvent[] = [];
    const result = await runSpecTasks({
      cwd: directory(),
      spec: "calculator",
      session: await session(mock),
      services: createDefaultRunnerServices(),
      onEvent: (event) => events.push(event),
      ...options,
    });
    return { ...result, events };
  }

  it("runs a task, verifies it with the tests and only then checks it off, with records", async () => {
    await createRunnerProject(directory());
    const mock = createMockModel([
      writeSubtract(),
      "Added subtract with a test.\n\nOpen questions:\n- Should subtract accept BigInt?",
    ]);
    const { summary, records, events } = await run(mock, { taskIds: ["1.1"] });

    expect(summary.ok).toBe(true);
    const [outcome] = summary.tasks;
    expect(outcome).toMatchObject({ taskId: "1.1", status: "done", steps: 2, verification: { passed: true } });
    expect(outcome?.openQuestions).toEqual(["Should subtract accept BigInt?"]);
    expect(outcome?.files).toEqual([
      { path: "src/calculator.js", change: "modified", linesAdded: 4, linesRemoved: 0 },
      { path: "test/subtract.test.js", change: "created", linesAdded: 7, linesRemoved: 0 },
    ]);
    expect(outcome?.usage).toEqual({ inputTokens: 200, outputTokens: 100 });
    expect(await tasks()).toBe(RUNNER_TASKS.replace("[ ] 1.1", "[x] 1.1"));
    // The verification started after the model's last step, and the check-off came after it passed.
    const types = events.map((event) => event.type);
    expect(types.lastIndexOf("verify-end")).toBeGreaterThan(types.lastIndexOf("step-end"));
    // The tests also ran once before the model, to count them (the baseline).
    expect(types.indexOf("baseline")).toBeLessThan(types.indexOf("step-end"));
    expect(types.at(-1)).toBe("run-end");

    const log = await readRunLog(join(directory(), records.log));
    expect(log.map((event) => (event as RunEvent).type)).toEqual(types);
    const saved = JSON.parse(await readFile(join(directory(), records.summary), "utf8"));
    expect(saved).toMatchObject({ ok: true, tasks: [{ taskId: "1.1", status: "done" }] });
    const meta = JSON.parse(await readFile(join(directory(), ".kiro/specs/calculator/tasks.meta.json"), "utf8"));
    expect(meta.executionHistory["1.1 Add subtract to src/calculator.js with a test"]).toEqual([
      expect.objectContaining({ status: "success", verification: { command: "node --test", passed: true } }),
    ]);
  });

  it("works on a workspace in a subfolder of the repository; its bookkeeping is never the task's work", async () => {
    // The repository's top folder holds the workspace in app/: paths of changes are the repository's.
    const inApp = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).map(([path, text]) => [`app/${path}`, text]));
    await createGitRepository(directory(), {
      files: inApp({
        ...TINY_PROJECT,
        [TASKS]: RUNNER_TASKS,
        ".kiro/settings/specwright.json": JSON.stringify({ verify: { command: "node --test" } }),
      }),
    });
    const app = join(directory(), "app");
    const mock = createMockModel([writeSubtract(), "Done."]);
    const { summary } = await run(mock, { cwd: app, taskIds: ["1.1"] });

    expect(summary.tasks[0]).toMatchObject({ taskId: "1.1", status: "done" });
    expect(summary.tasks[0]?.files.map((file) => file.path)).toEqual([
      "app/src/calculator.js",
      "app/test/subtract.test.js",
    ]);
    expect(await readFile(join(app, TASKS), "utf8")).toBe(RUNNER_TASKS.replace("[ ] 1.1", "[x] 1.1"));
  });

  it("gives a failed verification back to the model, then leaves the task unchecked", async () => {
    await createRunnerProject(directory(), { agent: { repairRounds: 1 } });
    const mock = createMockModel([writeSubtract(true), "Done.", "I could not find the cause."]);
    const { summary } = await run(mock, { taskIds: ["1.1"] });

    expect(summary.ok).toBe(false);
    expect(summary.tasks[0]).toMatchObject({ status: "failed", repairRounds: 1, verification: { passed: false } });
    expect(mock.prompts()[2]?.lastUser).toContain("Verification failed: `node --test` did not pass");
    expect(mock.prompts()[2]?.lastUser).toContain("subtract");
    expect(await tasks()).toBe(RUNNER_TASKS);
  });

  it("repairs after a failed verification and then checks the task off", async () => {
    await createRunnerProject(directory(), { agent: { repairRounds: 2 } });
    const fixed = subtractFiles(false);
    const mock = createMockModel([
      writeSubtract(true),
      "Done.",
      { toolCalls: [{ name: "write_file", input: { path: "src/calculator.js", content: fixed.module } }] },
      "Fixed the sign.",
    ]);
    const { summary } = await run(mock, { taskIds: ["1.1"] });
    expect(summary.tasks[0]).toMatchObject({ status: "done", repairRounds: 1 });
    expect(await tasks()).toContain("[x] 1.1");
  });

  it("--all stops at the first failure and leaves nothing queued; --continue-on-failure goes on", async () => {
    await createRunnerProject(directory(), { agent: { repairRounds: 0 } });
    const stopped = await run(createMockModel([writeSubtract(true), "Done."]), { all: true });
    expect(stopped.summary.tasks.map((task) => task.taskId)).toEqual(["1.1"]);
    expect(stopped.summary.stoppedEarly).toContain("1.1");
    expect(await tasks()).toBe(RUNNER_TASKS);

    const goingOn = await run(createMockModel(["I will not do it.", "Nor this one."]), {
      taskIds: ["1.1", "1.2"],
      continueOnFailure: true,
    });
    expect(goingOn.summary.tasks.map((task) => [task.taskId, task.status])).toEqual([
      ["1.1", "failed"],
      ["1.2", "failed"],
    ]);
  });

  it("checks a parent off when its required sub-tasks are, skips optional tasks and verifies a checkpoint without the model", async () => {
    await createRunnerProject(directory());
    const multiply = {
      toolCalls: [
        {
          name: "write_file",
          input: {
            path: "test/multiply.test.js",
            content: 'import { test } from "node:test";\ntest("multiply", () => {});\n',
          },
        },
      ],
    };
    const mock = createMockModel([writeSubtract(), "Done.", multiply, "Done."]);
    const { summary, events } = await run(mock, { all: true });

    expect(summary.tasks.map((task) => [task.taskId, task.status, task.steps])).toEqual([
      ["1.1", "done", 2],
      ["1.2", "done", 2],
      ["3", "done", 0],
    ]);
    expect(summary.skipped).toEqual([{ taskId: "2", reason: "optional (run with --include-optional)" }]);
    expect(events).toContainEqual({ type: "parent-done", taskId: "1" });
    expect(await tasks()).toBe(
      RUNNER_TASKS.replace("[ ] 1.", "[x] 1.")
        .replace("[ ] 1.1", "[x] 1.1")
        .replace("[ ] 1.2", "[x] 1.2")
        .replace("[ ] 3.", "[x] 3."),
    );
    expect(mock.remaining()).toBe(0);
  });

  it("marks the running task [-] and the queued ones [~] while it works", async () => {
    await createRunnerProject(directory());
    const seen: string[] = [];
    const mock = createMockModel(["Nothing to do."]);
    await run(mock, {
      taskIds: ["1.1", "1.2"],
      onEvent: (event) => {
        if (event.type === "context") seen.push("context");
      },
      services: {
        ...createDefaultRunnerServices(),
        buildContext: async () => {
          seen.push(await readFile(join(directory(), TASKS), "utf8"));
          return "context";
        },
      },
    });
    expect(seen[0]).toContain("[-] 1.1");
    expect(seen[0]).toContain("[~] 1.2");
  });

  it("undoes the agent's own edits of tasks.md: only the engine checks tasks off", async () => {
    await createRunnerProject(directory());
    const cheat = RUNNER_TASKS.replace("[ ] 1.1", "[x] 1.1").replace("[ ] 1.2", "[x] 1.2");
    const mock = createMockModel([
      { toolCalls: [{ name: "write_file", input: { path: TASKS, content: cheat } }] },
      "All done!",
    ]);
    const { summary, events } = await run(mock, { taskIds: ["1.1"] });
    expect(events).toContainEqual(
      expect.objectContaining({ type: "warning", message: expect.stringContaining("tasks.md") }),
    );
    expect(summary.tasks[0]).toMatchObject({ status: "failed", error: { code: "no-changes" } });
    expect(await tasks()).toBe(RUNNER_TASKS);
  });

  it("turns malformed tool arguments into an error for the model, not a crash", async () => {
    await createRunnerProject(directory());
    const mock = createMockModel([
      { toolCalls: [{ name: "write_file", input: { path: 42 } }] },
      writeSubtract(),
      "Done.",
    ]);
    const { summary, events } = await run(mock, { taskIds: ["1.1"] });
    expect(summary.tasks[0]?.status).toBe("done");
    expect(events).toContainEqual(expect.objectContaining({ type: "tool-result", tool: "write_file", ok: false }));
  });

  it("supervised: a rejected file is put back and the reviewer's message reaches the model", async () => {
    await createRunnerProject(directory());
    const original = await readFile(join(directory(), "src/calculator.js"), "utf8");
    const mock = createMockModel([writeSubtract(), "Understood, stopping here."]);
    const requests: string[][] = [];
    const { summary, events } = await run(mock, {
      taskIds: ["1.1"],
      mode: "supervised",
      approve: async (request) => {
        requests.push(request.files.map((file) => file.path));
        expect(request.files.find((file) => file.path === "src/calculator.js")?.diff).toContain(
          "+export function subtract",
        );
        return { rejectedPaths: ["src/calculator.js"], message: "Keep calculator.js as it is." };
      },
    });
    expect(requests).toEqual([["src/calculator.js", "test/subtract.test.js"]]);
    expect(await readFile(join(directory(), "src/calculator.js"), "utf8")).toBe(original);
    expect(mock.prompts()[1]?.lastUser).toContain("Keep calculator.js as it is.");
    expect(events).toContainEqual(expect.objectContaining({ type: "approval", rejected: ["src/calculator.js"] }));
    // The test imports a function that is not there any more: verification fails and the task stays open.
    expect(summary.tasks[0]?.status).toBe("failed");
    expect(await tasks()).toBe(RUNNER_TASKS);
  });

  it("supervised: each review shows only the new changes, and a rejection goes back to what was accepted", async () => {
    await createRunnerProject(directory());
    const files = subtractFiles();
    const mock = createMockModel([
      { toolCalls: [{ name: "write_file", input: { path: "src/calculator.js", content: files.module } }] },
      {
        toolCalls: [
          { name: "write_file", input: { path: "src/calculator.js", content: `${files.module}// noise\n` } },
          { name: "write_file", input: { path: "test/subtract.test.js", content: files.test } },
        ],
      },
      "Done.",
    ]);
    const reviews: string[][] = [];
    const { summary } = await run(mock, {
      taskIds: ["1.1"],
      mode: "supervised",
      approve: async (request) => {
        reviews.push(request.files.map((file) => file.path));
        return { rejectedPaths: reviews.length === 2 ? ["src/calculator.js"] : [] };
      },
    });
    expect(reviews).toEqual([["src/calculator.js"], ["src/calculator.js", "test/subtract.test.js"]]);
    expect(await readFile(join(directory(), "src/calculator.js"), "utf8")).toBe(files.module);
    expect(summary.tasks[0]?.status).toBe("done");
  });

  it("refuses supervised mode without a reviewer, and a folder outside git", async () => {
    await createRunnerProject(directory());
    await expect(run(createMockModel([]), { mode: "supervised" })).rejects.toMatchObject({
      code: "supervised-needs-reviewer",
    });
    const outside = await createTempDirectory("specwright-no-git-");
    onTestFinished(() => removeTempDirectory(outside));
    await writeTree(outside, { ".kiro/specs/calculator/tasks.md": RUNNER_TASKS });
    await expect(run(createMockModel([]), { cwd: outside })).rejects.toMatchObject({ code: "not-a-git-repository" });
  });

  it("finds tasks an interrupted run left [-]/[~]: refuses without a choice, resets or resumes them", async () => {
    await createRunnerProject(directory());
    const interrupted = RUNNER_TASKS.replace("[ ] 1.1", "[-] 1.1").replace("[ ] 1.2", "[~] 1.2");
    await writeFile(join(directory(), TASKS), interrupted);

    const refused = await run(createMockModel([])).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EngineError);
    expect(refused).toMatchObject({ code: "interrupted-run", fix: expect.stringContaining("--resume") });
    expect(await tasks()).toBe(interrupted);

    const reset = await run(createMockModel(["Nothing."]), { interrupted: "reset", taskIds: ["1.2"] });
    expect(reset.summary.tasks.map((task) => [task.taskId, task.error?.code])).toEqual([["1.2", "no-changes"]]);
    expect(await tasks()).toBe(RUNNER_TASKS);

    await writeFile(join(directory(), TASKS), interrupted);
    const offered: string[] = [];
    const resumed = await run(createMockModel([writeSubtract(), "Done.", "Not now."]), {
      decideInterrupted: async (found) => {
        offered.push(...found.map((task) => `${task.id}:${task.status}`));
        return "resume";
      },
    });
    expect(offered).toEqual(["1.1:in-progress", "1.2:queued"]);
    expect(resumed.summary.tasks.map((task) => [task.taskId, task.status])).toEqual([
      ["1.1", "done"],
      ["1.2", "failed"],
    ]);
  });

  it("stops the run when the token budget is spent, whatever --continue-on-failure says", async () => {
    await createRunnerProject(directory());
    const mock = createMockModel([writeSubtract(), "Done.", "Never reached."]);
    const events: RunEvent[] = [];
    const { summary } = await runSpecTasks({
      cwd: directory(),
      spec: "calculator",
      all: true,
      continueOnFailure: true,
      session: await session(mock, { maxTokens: 100 }),
      services: createDefaultRunnerServices(),
      onEvent: (event) => events.push(event),
    });
    expect(summary.tasks).toHaveLength(1);
    expect(summary.tasks[0]).toMatchObject({ status: "failed", error: { code: "budget-exceeded" } });
    expect(await tasks()).toBe(RUNNER_TASKS);
  });
});
