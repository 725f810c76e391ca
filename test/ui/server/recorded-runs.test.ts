import { describe, expect, it } from "vitest";
import { recordedRuns } from "../../../src/engine/dashboard/recorded-runs.js";
import { startDashboardForTest } from "../../helpers/dashboard-http.js";
import { SAMPLE_WORKSPACE } from "../../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-ui-recorded-runs-");

function summary(runId: string, spec: string, startedAt: string, ok: boolean): string {
  return JSON.stringify({
    runId,
    spec,
    mode: "autopilot",
    startedAt,
    finishedAt: startedAt.replace(":00.000Z", ":30.000Z"),
    tasks: [
      {
        taskId: "2.1",
        title: "Add the limiter",
        status: ok ? "done" : "failed",
        usage: { inputTokens: 120, outputTokens: 30 },
      },
    ],
    skipped: [],
    totals: { inputTokens: 120, outputTokens: 30, costUsd: 0.004, calls: 2 },
    stoppedEarly: ok ? undefined : "The token budget is spent.",
    sandboxBlocked: 0,
    ok,
  });
}

describe("GET /api/runs: finished runs of earlier starts, from the run records on disk", () => {
  it("lists the summaries on disk newest first, marked as from disk, with tasks, outcome and tokens", async () => {
    await writeTree(directory(), {
      ...SAMPLE_WORKSPACE,
      ".kiro/specs/rate-limiting/runs/2026-12-01T10-00-00-000Z-aaa.summary.json": summary(
        "2026-12-01T10-00-00-000Z-aaa",
        "rate-limiting",
        "2026-12-01T10:00:00.000Z",
        true,
      ),
      ".kiro/specs/rate-limiting/runs/2026-12-02T10-00-00-000Z-bbb.summary.json": summary(
        "2026-12-02T10-00-00-000Z-bbb",
        "rate-limiting",
        "2026-12-02T10:00:00.000Z",
        false,
      ),
      ".kiro/specs/rate-limiting/runs/2026-12-03T10-00-00-000Z-ccc.summary.json": "{ being written",
    });
    const { api } = await startDashboardForTest([directory()]);
    const answer = await api("GET", "/api/runs");
    expect(answer.status).toBe(200);
    const { runs } = answer.json as { runs: Record<string, unknown>[] };
    expect(runs.map((run) => [run.runId, run.source, run.state])).toEqual([
      ["2026-12-02T10-00-00-000Z-bbb", "disk", "failed"],
      ["2026-12-01T10-00-00-000Z-aaa", "disk", "done"],
    ]);
    expect(runs[0]).toMatchObject({
      root: "0",
      spec: "rate-limiting",
      mode: "autopilot",
      startedAt: "2026-12-02T10:00:00.000Z",
      endedAt: "2026-12-02T10:00:30.000Z",
      tasks: [{ taskId: "2.1", title: "Add the limiter", status: "failed", usage: { inputTokens: 120 } }],
      totals: { inputTokens: 120, outputTokens: 30, costUsd: 0.004 },
      stoppedEarly: "The token budget is spent.",
      ok: false,
    });
    // Read-only: a run from disk has no live run behind it.
    expect((await api("GET", `/api/runs/${String(runs[0]?.runId)}`)).status).toBe(404);
  });

  it("keeps only the newest runs (the listing is bounded)", async () => {
    const files: Record<string, string> = { ...SAMPLE_WORKSPACE };
    for (const day of ["01", "02", "03"]) {
      const id = `2026-12-${day}T10-00-00-000Z-x`;
      files[`.kiro/specs/rate-limiting/runs/${id}.summary.json`] = summary(
        id,
        "rate-limiting",
        `2026-12-${day}T10:00:00.000Z`,
        true,
      );
    }
    await writeTree(directory(), files);
    const runs = await recordedRuns([{ id: "0", path: directory(), name: "w" }], 2);
    expect(runs.map((run) => run.runId)).toEqual(["2026-12-03T10-00-00-000Z-x", "2026-12-02T10-00-00-000Z-x"]);
  });
});
