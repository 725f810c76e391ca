import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { git } from "../helpers/git-repository.js";
import { jsonOf } from "../helpers/run-cli.js";
import { createRunnerProject, RUNNER_TASKS, writeSubtractReply } from "../helpers/runner-project.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

interface RunEstimate {
  ok: boolean;
  estimate: boolean;
  spec: string;
  historyRuns: number;
  tasks: {
    taskId: string;
    firstTurnInputTokens: number;
    turns: number;
    inputTokens: number;
    outputTokens: number;
    outputFrom: string;
  }[];
  totals: { inputTokens: number; outputTokens: number; turns: number; costUsd: number | null };
}

function usageLine(purpose: string, inputTokens: number, outputTokens: number, command = "run"): string {
  return JSON.stringify({
    at: "2026-01-01T00:00:00.000Z",
    command,
    purpose,
    provider: "openai-compatible",
    modelId: "test",
    inputTokens,
    outputTokens,
    costUsd: null,
  });
}

describe("specwright run --estimate (end to end, fake OpenAI-compatible server)", () => {
  const directory = useTempDirectory("specwright-run-estimate-");
  const model = useCliWithFakeModel(directory);
  const tasksFile = () => join(directory(), ".kiro/specs/calculator/tasks.md");

  it("--all sums the pending tasks with default turns, sends nothing and changes no task mark", async () => {
    await createRunnerProject(directory());
    const result = await model.run(["run", "calculator", "--all", "--estimate", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const estimate = jsonOf(result) as unknown as RunEstimate;
    expect(estimate).toMatchObject({ ok: true, estimate: true, spec: "calculator", historyRuns: 0 });
    // The optional task 2 is passed over, as the run would; the checkpoint runs the tests before any model turn.
    expect(estimate.tasks.map((task) => [task.taskId, task.turns, task.outputFrom])).toEqual([
      ["1.1", 10, "default"],
      ["1.2", 10, "default"],
      ["3", 0, "default"],
    ]);
    const [first, second, checkpoint] = estimate.tasks;
    expect(first?.firstTurnInputTokens).toBeGreaterThan(500);
    expect(first?.inputTokens).toBe(10 * (first?.firstTurnInputTokens ?? 0) + 45 * 1_000);
    expect(first?.outputTokens).toBe(4_000);
    expect(checkpoint).toMatchObject({ inputTokens: 0, outputTokens: 0 });
    expect(estimate.totals).toMatchObject({
      inputTokens: (first?.inputTokens ?? 0) + (second?.inputTokens ?? 0),
      outputTokens: 8_000,
      turns: 20,
    });
    expect(model.server?.requests).toHaveLength(0);
    expect(await readFile(tasksFile(), "utf8")).toBe(RUNNER_TASKS);
    expect(await git(directory(), "status", "--porcelain")).toBe("");
  });

  it("takes turns and output per step from the medians of past task runs in usage.jsonl", async () => {
    await createRunnerProject(directory());
    await mkdir(join(directory(), ".kiro/specwright"), { recursive: true });
    const lines = [
      usageLine("requirements", 5_000, 3_000, "new"),
      // Three task runs: 3, 2 and 4 steps; the questions call of another command is not one.
      usageLine("task 1.1", 1_000, 100),
      usageLine("task 1.1", 1_500, 200),
      usageLine("task 1.1", 2_000, 300),
      usageLine("task 1.2", 1_000, 100),
      usageLine("task 1.2", 1_400, 100),
      usageLine("task 1.1", 1_000, 300),
      usageLine("task 1.1", 1_600, 300),
      usageLine("task 1.1", 2_200, 300),
      usageLine("task 1.1", 2_800, 300),
    ];
    await writeFile(join(directory(), ".kiro/specwright/usage.jsonl"), `${lines.join("\n")}\n`);
    const result = await model.run(["run", "calculator", "--task", "1.2", "--estimate", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const estimate = jsonOf(result) as unknown as RunEstimate;
    expect(estimate.historyRuns).toBe(3);
    const [task] = estimate.tasks;
    // Medians: 3 turns; 300 output tokens a step; input growing 500 a step (runs grew 500, 400 and 600).
    expect(task).toMatchObject({ taskId: "1.2", turns: 3, outputTokens: 900, outputFrom: "history" });
    expect(task?.inputTokens).toBe(3 * (task?.firstTurnInputTokens ?? 0) + 3 * 500);
    expect(model.server?.requests).toHaveLength(0);
  });

  it("counts the first agent turn within 20% of what the run then sends, and prints a readable table", async () => {
    await createRunnerProject(directory());
    const text = await model.run(["run", "calculator", "--task", "1.1", "--estimate"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("nothing was sent");
    expect(text.stdout).toMatch(/task 1\.1\s+first turn [\d,]+ · 10 turns · [\d,]+ in \/ 4,000 out · cost unknown/);
    expect(text.stdout).toMatch(/total\s+1 tasks · 10 turns/);
    const estimated = jsonOf(await model.run(["run", "calculator", "--task", "1.1", "--estimate", "--json"]));
    const firstTurn = (estimated as unknown as RunEstimate).tasks[0]?.firstTurnInputTokens ?? 0;
    expect(model.server?.requests).toHaveLength(0);

    model.server?.push(writeSubtractReply(), { text: "Added subtract." });
    const real = await model.run(["run", "calculator", "--task", "1.1", "--json"]);
    expect(real.code, real.stderr).toBe(0);
    const body = model.server?.requests[0]?.body;
    const sent = Math.ceil((JSON.stringify(body?.messages) + JSON.stringify(body?.tools)).length / 4);
    expect(Math.abs(firstTurn - sent) / sent).toBeLessThan(0.2);
  });
});
