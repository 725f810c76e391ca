import { describe, expect, it } from "vitest";
import { taskRunHistory } from "../../../src/engine/runner/task-run-history.js";
import type { UsageRecord } from "../../../src/workspace/usage-log.js";

const step = (purpose: string, inputTokens: number, outputTokens: number, extra: Partial<UsageRecord> = {}) => ({
  at: "2026-01-01T00:00:00.000Z",
  command: "run",
  purpose,
  provider: "openai",
  modelId: "gpt-4o",
  inputTokens,
  outputTokens,
  costUsd: null,
  ...extra,
});

describe("taskRunHistory", () => {
  it("groups consecutive steps of one task into a run and takes the medians", () => {
    const history = taskRunHistory(
      [
        step("task 1.1", 1_000, 100),
        step("task 1.1", 1_300, 100),
        step("task 1.2", 2_000, 500),
        step("task 1.2", 2_200, 500),
        step("task 1.2", 2_400, 500),
        step("task 1.1", 900, 200),
      ],
      "gpt-4o",
    );
    // Runs of 2, 3 and 1 steps; outputs 100,100,200,500,500,500; growth 300 and 200 a step (one-step runs have none).
    expect(history).toEqual({ runs: 3, turns: 2, outputPerStep: 350, inputGrowthPerStep: 250 });
  });

  it("ignores other commands and purposes, prefers the same model, and is undefined without task runs", () => {
    expect(taskRunHistory([step("requirements", 5_000, 3_000, { command: "new" })], "gpt-4o")).toBeUndefined();
    expect(taskRunHistory([step("hook lint", 100, 10)], "gpt-4o")).toBeUndefined();
    const mixed = [step("task 1.1", 1_000, 900, { modelId: "other" }), step("task 2.1", 1_000, 40)];
    expect(taskRunHistory(mixed, "gpt-4o")).toMatchObject({ runs: 1, outputPerStep: 40, inputGrowthPerStep: 0 });
    expect(taskRunHistory(mixed, "unseen")).toMatchObject({ runs: 2 });
  });
});
