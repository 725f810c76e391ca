import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openModelSession } from "../../../src/cli/model-options.js";
import { createDefaultRunnerServices } from "../../../src/engine/runner/default-runner-services.js";
import { runSpecTasks } from "../../../src/engine/runner/run-spec-tasks.js";
import { acquireRunLock } from "../../../src/workspace/run-log/index.js";
import { type DashboardForTest, startDashboardForTest } from "../../helpers/dashboard-http.js";
import { useFakeOpenAiServer } from "../../helpers/fake-openai-server.js";
import { createRunnerProject, RUNNER_TASKS, subtractFiles, writeSubtractReply } from "../../helpers/runner-project.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-ui-runs-");
const fake = useFakeOpenAiServer();
const TASKS = ".kiro/specs/calculator/tasks.md";

async function startWithModel(
  replies: Parameters<typeof fake.start>[0],
  settings: Record<string, unknown> = {},
): Promise<DashboardForTest> {
  await createRunnerProject(directory(), settings);
  const server = await fake.start(replies);
  return startDashboardForTest([directory()], {
    env: () => ({ SPECWRIGHT_MODEL: "openai-compatible:test", SPECWRIGHT_BASE_URL: server.url }),
    budget: { maxTokens: 100_000 },
  });
}

async function startRun(dashboard: DashboardForTest, body: Record<string, unknown>): Promise<string> {
  const started = await dashboard.api("POST", "/api/runs", { root: "0", spec: "calculator", ...body });
  expect(started.status, started.text).toBe(202);
  return (started.json as { runId: string }).runId;
}

/** Polls `condition` (the fake server's state has no event to wait on); the test's time-out bounds it. */
async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

const runEventTypes = (events: { event: string; data: unknown }[]) =>
  events.filter((event) => event.event === "run").map((event) => (event.data as { type: string }).type);

describe("runs from the dashboard (the engine's runner, the fake model server)", () => {
  it("runs a task in autopilot: SSE delivers every event and the end; diff and revert from its checkpoints", async () => {
    const dashboard = await startWithModel([writeSubtractReply(), { text: "Added subtract with a test." }]);
    const runId = await startRun(dashboard, { taskIds: ["1.1"], mode: "autopilot" });
    const stream = await dashboard.events(`/api/runs/${runId}/events`);
    const end = await stream.waitFor((event) => event.event === "end");
    expect(end.data).toMatchObject({
      state: "done",
      summary: { ok: true, tasks: [{ taskId: "1.1", status: "done" }] },
    });
    const types = runEventTypes(stream.events);
    expect(types[0]).toBe("run-start");
    expect(types).toEqual(expect.arrayContaining(["task-start", "tool-call", "step-end", "verify-end", "task-end"]));
    expect(types.at(-1)).toBe("run-end");
    const step = stream.events.find((event) => (event.data as { type?: string }).type === "step-end");
    expect(step?.data).toMatchObject({ usage: { inputTokens: expect.any(Number) }, totals: expect.any(Object) });
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(RUNNER_TASKS.replace("[ ] 1.1", "[x] 1.1"));

    // A page that subscribes after the end replays the same events, ids in order.
    const late = await dashboard.events(`/api/runs/${runId}/events`);
    await late.waitFor((event) => event.event === "end");
    expect(late.events.map((event) => event.id)).toEqual(stream.events.map((event) => event.id));
    // A reconnect names the last event it had and gets only the ones after it.
    const lastId = stream.events.at(-3)?.id ?? "";
    const resumed = await dashboard.events(`/api/runs/${runId}/events`, { "last-event-id": lastId });
    await resumed.waitFor((event) => event.event === "end");
    expect(resumed.events.map((event) => event.id)).toEqual(stream.events.slice(-2).map((event) => event.id));
    const runs = (await dashboard.api("GET", "/api/runs")).json as { runs: { runId: string; state: string }[] };
    expect(runs.runs).toEqual([expect.objectContaining({ runId, state: "done" })]);

    const page = (await dashboard.api("GET", "/api/specs/0/calculator")).json as { checkpointed: string[] };
    expect(page.checkpointed).toEqual(["1.1"]);
    const diff = await dashboard.api("GET", "/api/specs/0/calculator/tasks/1.1/diff");
    expect(diff.status).toBe(200);
    const changes = diff.json as { after: boolean; files: { path: string; kind: string; diff: string }[] };
    expect(changes.after).toBe(true);
    expect(changes.files.map((file) => [file.path, file.kind])).toEqual([
      ["src/calculator.js", "modified"],
      ["test/subtract.test.js", "added"],
    ]);
    expect(changes.files[0]?.diff).toMatch(/^diff --git a\/src\/calculator.js b\/src\/calculator.js/);
    expect(changes.files[0]?.diff).toContain("+export function subtract(left, right) {");
    expect(changes.files[1]?.diff).not.toContain("diff --git a/src/calculator.js");

    const unconfirmed = await dashboard.api("POST", "/api/specs/0/calculator/tasks/1.1/revert", {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.json).toMatchObject({ error: { code: "confirmation-required" } });
    expect(await readFile(join(directory(), "src/calculator.js"), "utf8")).toBe(subtractFiles().module);
    const reverted = await dashboard.api("POST", "/api/specs/0/calculator/tasks/1.1/revert", { confirm: true });
    expect(reverted.status, reverted.text).toBe(200);
    expect(reverted.json).toMatchObject({ taskId: "1.1", alreadyReverted: false });
    expect(await readFile(join(directory(), "src/calculator.js"), "utf8")).not.toContain("subtract");
    const none = await dashboard.api("GET", "/api/specs/0/calculator/tasks/2/diff");
    expect(none.status).toBe(404);
    expect(none.json).toMatchObject({ error: { code: "no-checkpoint" } });

    const costs = (await dashboard.api("GET", "/api/costs")).json as {
      tasks: { spec: string; task: string; tokens: number }[];
    };
    expect(costs.tasks).toEqual([
      expect.objectContaining({ spec: "calculator", task: "1.1", tokens: expect.any(Number) }),
    ]);
    expect(costs.tasks[0]?.tokens).toBeGreaterThan(0);
  });

  it("pauses a supervised run for a review that the page answers, and the run goes on to the end", async () => {
    const dashboard = await startWithModel([writeSubtractReply(), { text: "Done." }]);
    const runId = await startRun(dashboard, { taskIds: ["1.1"], mode: "supervised" });
    const stream = await dashboard.events(`/api/runs/${runId}/events`);
    const review = await stream.waitFor((event) => event.event === "review");
    const { reviewId, request } = review.data as {
      reviewId: string;
      request: { taskId: string; files: { path: string }[] };
    };
    expect(request.taskId).toBe("1.1");
    expect(request.files.map((file) => file.path).sort()).toEqual(["src/calculator.js", "test/subtract.test.js"]);
    const waiting = (await dashboard.api("GET", `/api/runs/${runId}`)).json as {
      state: string;
      pending: { id: string }[];
    };
    expect(waiting.state).toBe("waiting");
    expect(waiting.pending.map((entry) => entry.id)).toEqual([reviewId]);

    const answered = await dashboard.api("POST", `/api/runs/${runId}/reviews/${reviewId}`, { rejectedPaths: [] });
    expect(answered.json).toEqual({ ok: true });
    const twice = await dashboard.api("POST", `/api/runs/${runId}/reviews/${reviewId}`, { rejectedPaths: [] });
    expect(twice.status).toBe(404);
    const end = await stream.waitFor((event) => event.event === "end");
    expect(end.data).toMatchObject({ state: "done" });
    const approval = stream.events.find((event) => (event.data as { type?: string }).type === "approval");
    expect(approval?.data).toMatchObject({ taskId: "1.1", rejected: [] });
  });

  it("passes a review that rejects a file with a message to the engine, which puts the file back", async () => {
    const dashboard = await startWithModel([writeSubtractReply(), { text: "Kept subtract only." }]);
    const runId = await startRun(dashboard, { taskIds: ["1.1"], mode: "supervised" });
    const stream = await dashboard.events(`/api/runs/${runId}/events`);
    const review = await stream.waitFor((event) => event.event === "review");
    const { reviewId } = review.data as { reviewId: string };
    await dashboard.api("POST", `/api/runs/${runId}/reviews/${reviewId}`, {
      rejectedPaths: ["test/subtract.test.js"],
      message: "No new test file, please.",
    });
    const approval = await stream.waitFor((event) => (event.data as { type?: string }).type === "approval");
    expect(approval.data).toMatchObject({ rejected: ["test/subtract.test.js"], message: "No new test file, please." });
    await stream.waitFor((event) => event.event === "end");
    await expect(readFile(join(directory(), "test/subtract.test.js"), "utf8")).rejects.toThrow();
    // The model heard the reviewer.
    expect(JSON.stringify(fake.current?.requests.at(1)?.body)).toContain("No new test file, please.");
    const unknown = await dashboard.api("GET", "/api/runs/no-such-run/events");
    expect(unknown.status).toBe(404);
  });

  it("gives the agent's ask_user question to the page and its answer to the agent", async () => {
    const dashboard = await startWithModel([
      { toolCalls: [{ name: "ask_user", arguments: { question: "Integers only?", options: ["yes", "no"] } }] },
      writeSubtractReply(),
      { text: "Done." },
    ]);
    const runId = await startRun(dashboard, { taskIds: ["1.1"], mode: "autopilot" });
    const stream = await dashboard.events(`/api/runs/${runId}/events`);
    const question = await stream.waitFor((event) => event.event === "question");
    expect(question.data).toMatchObject({ question: "Integers only?", options: ["yes", "no"] });
    const { questionId } = question.data as { questionId: string };
    await dashboard.api("POST", `/api/runs/${runId}/questions/${questionId}`, { answer: "yes, integers only" });
    const end = await stream.waitFor((event) => event.event === "end");
    expect(end.data).toMatchObject({ state: "done" });
    // The answer went back to the model as the tool's result.
    expect(JSON.stringify(fake.current?.requests.at(1)?.body)).toContain("yes, integers only");
  });

  it("asks the page about a shell command the policy does not allow, and runs it once allowed", async () => {
    const command = "echo allowed > asked.txt; unknown-tool-for-the-dashboard || true";
    const dashboard = await startWithModel([
      { toolCalls: [{ name: "run_command", arguments: { command } }] },
      writeSubtractReply(),
      { text: "Done." },
    ]);
    const runId = await startRun(dashboard, { taskIds: ["1.1"] });
    const stream = await dashboard.events(`/api/runs/${runId}/events`);
    const asked = await stream.waitFor((event) => event.event === "command");
    const { commandId, request } = asked.data as { commandId: string; request: { command: string; segment: string } };
    expect(request).toMatchObject({ command, segment: "unknown-tool-for-the-dashboard" });
    await dashboard.api("POST", `/api/runs/${runId}/commands/${commandId}`, { allow: true });
    const end = await stream.waitFor((event) => event.event === "end");
    expect(end.data).toMatchObject({ state: "done" });
    expect(await readFile(join(directory(), "asked.txt"), "utf8")).toBe("allowed\n");
  });

  it("resumes a task paused by an unanswered question (a run without a person) with the page's answers", async () => {
    const question = { question: "Should subtract throw on non-numbers?" };
    const dashboard = await startWithModel([{ toolCalls: [{ name: "ask_user", arguments: question }] }]);
    // A run nobody could answer (as `specwright run --json` in CI): the engine pauses the task.
    const session = await openModelSession(
      {},
      {
        root: directory(),
        command: "run",
        env: { SPECWRIGHT_MODEL: "openai-compatible:test", SPECWRIGHT_BASE_URL: fake.current?.url ?? "" },
      },
    );
    const paused = await runSpecTasks({
      cwd: directory(),
      spec: "calculator",
      taskIds: ["1.1"],
      session,
      services: createDefaultRunnerServices(),
    });
    expect(paused.summary.tasks[0]?.status).toBe("paused");
    const page = (await dashboard.api("GET", "/api/specs/0/calculator")).json as {
      paused: { taskId: string; question: { id: string; question: string } }[];
    };
    expect(page.paused).toEqual([
      expect.objectContaining({ taskId: "1.1", question: expect.objectContaining(question) }),
    ]);
    const id = page.paused[0]?.question.id ?? "";

    fake.current?.push({ toolCalls: [{ name: "ask_user", arguments: question }] }, writeSubtractReply(), {
      text: "Done.",
    });
    const runId = await startRun(dashboard, { taskIds: ["1.1"], answers: { [id]: "Yes, throw a TypeError." } });
    const stream = await dashboard.events(`/api/runs/${runId}/events`);
    const end = await stream.waitFor((event) => event.event === "end");
    expect(end.data).toMatchObject({ state: "done" });
    // The question was answered from the request: the page was not asked again.
    expect(stream.events.some((event) => event.event === "question")).toBe(false);
    expect(JSON.stringify(fake.current?.requests.at(-2)?.body)).toContain("Yes, throw a TypeError.");
  });

  it("refuses a second run of the spec with 409, and cancel stops the first and puts its task back", async () => {
    // The flag's token limit wins over the settings' one; the cost limit is only in the settings.
    const dashboard = await startWithModel([{ hang: true }], { limits: { maxTokens: 5, maxCost: 2.5 } });
    const runId = await startRun(dashboard, { taskIds: ["1.1"], mode: "autopilot" });
    const stream = await dashboard.events(`/api/runs/${runId}/events`);
    await stream.waitFor((event) => (event.data as { type?: string }).type === "task-start");
    const second = await dashboard.api("POST", "/api/runs", { spec: "calculator", taskIds: ["1.2"] });
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({ error: { code: "run-in-progress" } });
    const costs = (await dashboard.api("GET", "/api/costs")).json as { budget?: { runId: string; maxTokens: number } };
    expect(costs.budget).toMatchObject({
      runId,
      maxTokens: 100_000,
      maxCost: 2.5,
      sources: { maxTokens: "flag", maxCost: "settings" },
      tokens: 0,
    });

    const cancelled = await dashboard.api("POST", `/api/runs/${runId}/cancel`, {});
    expect(cancelled.json).toEqual({ ok: true });
    const end = await stream.waitFor((event) => event.event === "end");
    expect(end.data).toMatchObject({ state: "cancelled" });
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(RUNNER_TASKS);
  });

  it("cancel closes the hung model request, and the next run of the spec asks the model and ends", async () => {
    const dashboard = await startWithModel([{ hang: true }]);
    const first = await startRun(dashboard, { taskIds: ["1.1"], mode: "autopilot" });
    const firstStream = await dashboard.events(`/api/runs/${first}/events`);
    await waitUntil(() => fake.current?.hanging() === 1);
    await dashboard.api("POST", `/api/runs/${first}/cancel`, {});
    const cancelled = await firstStream.waitFor((event) => event.event === "end");
    expect(cancelled.data).toMatchObject({ state: "cancelled" });
    // The abort reached the HTTP request: the fake server saw its client go away.
    await waitUntil(() => fake.current?.hanging() === 0);

    fake.current?.push(writeSubtractReply(), { text: "Added subtract." });
    const second = await startRun(dashboard, { taskIds: ["1.1"], mode: "autopilot" });
    const stream = await dashboard.events(`/api/runs/${second}/events`);
    const end = await stream.waitFor((event) => event.event === "end");
    expect(end.data).toMatchObject({ state: "done", summary: { tasks: [{ taskId: "1.1", status: "done" }] } });
    expect(fake.current?.requests).toHaveLength(3);
    expect(fake.current?.remaining()).toBe(0);
  });

  it("answers a run that cannot start (an unknown task) with the engine's error, not a run id", async () => {
    const dashboard = await startWithModel([]);
    const refused = await dashboard.api("POST", "/api/runs", { spec: "calculator", taskIds: ["9.9"] });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.json).toMatchObject({ error: { code: expect.any(String), fix: expect.any(String) } });
    expect(((await dashboard.api("GET", "/api/runs")).json as { runs: unknown[] }).runs).toEqual([]);
    // Another process (a `specwright run` in a terminal) holds the spec's run lock: the engine refuses, 409.
    const lock = await acquireRunLock(join(directory(), ".kiro/specs/calculator"));
    try {
      const locked = await dashboard.api("POST", "/api/runs", { spec: "calculator", taskIds: ["1.1"] });
      expect(locked.status).toBe(409);
      expect(locked.json).toMatchObject({ error: { code: "locked", fix: expect.stringContaining("Wait") } });
    } finally {
      await lock.release();
    }
  });
});
