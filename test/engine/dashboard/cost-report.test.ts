import { describe, expect, it } from "vitest";
import { costReport } from "../../../src/engine/dashboard/cost-report.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-cost-report-");

const call = (at: string, purpose: string, costUsd: number | null, command = "run") =>
  JSON.stringify({
    at,
    command,
    purpose,
    provider: "openai-compatible",
    modelId: "m",
    inputTokens: 10,
    outputTokens: 5,
    costUsd,
  });

describe("costReport", () => {
  it("gives each run call to the spec whose run covers its time; one unpriced call makes a total unknown", async () => {
    await writeTree(directory(), {
      ".kiro/specwright/usage.jsonl": `${[
        call("2026-12-01T09:59:59.000Z", "task 1", 0.5),
        call("2026-12-01T10:00:01.000Z", "task 1", 0.01),
        call("2026-12-01T10:00:02.000Z", "task 1", null),
        call("2026-12-01T10:00:03.000Z", "task 2", 0.02),
        call("2026-12-01T10:05:00.000Z", "task 1", 0.03),
        "not a record",
      ].join("\n")}\n`,
      ".kiro/specs/alpha/runs/a.summary.json": JSON.stringify({
        startedAt: "2026-12-01T10:00:00.000Z",
        finishedAt: "2026-12-01T10:00:04.000Z",
      }),
      ".kiro/specs/beta/runs/b.summary.json": JSON.stringify({
        startedAt: "2026-12-01T10:04:00.000Z",
        finishedAt: "2026-12-01T10:06:00.000Z",
      }),
      ".kiro/specs/beta/runs/broken.summary.json": "{",
    });
    const report = await costReport([{ id: "0", path: directory(), name: "x" }]);
    expect(report.series.map((point) => point.spec ?? "-")).toEqual(["-", "alpha", "alpha", "alpha", "beta"]);
    expect(report.tasks).toEqual([
      { root: "0", spec: "alpha", task: "1", inputTokens: 20, outputTokens: 10, tokens: 30, cost: null },
      { root: "0", spec: "alpha", task: "2", inputTokens: 10, outputTokens: 5, tokens: 15, cost: 0.02 },
      { root: "0", spec: "beta", task: "1", inputTokens: 10, outputTokens: 5, tokens: 15, cost: 0.03 },
    ]);
    expect(report.specs.map((spec) => [spec.spec, spec.tokens, spec.cost])).toEqual([
      ["alpha", 45, null],
      ["beta", 15, 0.03],
    ]);
  });

  it("is empty for a workspace that never called a model", async () => {
    await writeTree(directory(), { ".kiro/specs/alpha/requirements.md": "# Requirements Document\n" });
    expect(await costReport([{ id: "0", path: directory(), name: "x" }])).toEqual({ tasks: [], specs: [], series: [] });
  });
});
