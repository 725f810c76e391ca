import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startDashboardForTest } from "../../helpers/dashboard-http.js";
import { SAMPLE_WORKSPACE } from "../../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-ui-read-");

interface Card {
  root: string;
  name: string;
  type: string;
  phase: string;
  approvals: Record<string, { state: string }>;
  progress: {
    required: { done: number; total: number };
    optional: { done: number; total: number };
    inProgress: number;
    queued: number;
    needsReview: number;
  } | null;
  diagnostics: { error: number; warning: number; info: number };
  lastActivity?: string;
}

const UNCOVERED = SAMPLE_WORKSPACE[".kiro/specs/rate-limiting/requirements.md"]?.replace(
  "1. IF a client exceeds 100 requests in a minute, THEN THE Rate_Limiter SHALL answer 429",
  "1. IF a client exceeds 100 requests in a minute, THEN THE Rate_Limiter SHALL answer 429\n2. the limiter should log it",
);

describe("the dashboard's read endpoints", () => {
  it("GET /api/board: a card per spec of every root, as status and check tell it", async () => {
    const first = join(directory(), "api");
    const second = join(directory(), "web");
    await writeTree(first, SAMPLE_WORKSPACE);
    await writeTree(second, { ".kiro/specs/login/requirements.md": UNCOVERED ?? "" });
    const { api } = await startDashboardForTest([first, second]);

    const roots = await api("GET", "/api/roots");
    expect(roots.json).toEqual({
      roots: [
        { id: "0", path: first, name: "api" },
        { id: "1", path: second, name: "web" },
      ],
    });
    const board = await api("GET", "/api/board");
    expect(board.status).toBe(200);
    const specs = (board.json as { specs: Card[] }).specs;
    expect(specs.map((spec) => `${spec.root}/${spec.name}`)).toEqual(["0/double-save", "0/rate-limiting", "1/login"]);
    const rate = specs.find((spec) => spec.name === "rate-limiting");
    expect(rate).toMatchObject({
      type: "feature",
      phase: "tasks",
      approvals: {
        requirements: { state: "unapproved" },
        design: { state: "unapproved" },
        tasks: { state: "unapproved" },
      },
      // SAMPLE_TASKS: 1, 1.1 done; 2 in progress, 2.1 todo, 2.2 queued, 3 todo; 1.2 optional.
      progress: {
        required: { done: 2, total: 6 },
        optional: { done: 0, total: 1 },
        inProgress: 1,
        queued: 1,
        needsReview: 0,
      },
    });
    expect(Date.parse(rate?.lastActivity ?? "")).toBeGreaterThan(0);
    expect(specs.find((spec) => spec.name === "double-save")).toMatchObject({ type: "bugfix", phase: "bugfix" });
    // The login spec has a criterion that is not EARS: check's finding shows in its counts.
    const login = specs.find((spec) => spec.name === "login");
    expect(login?.progress).toBeNull();
    expect((login?.diagnostics.warning ?? 0) + (login?.diagnostics.error ?? 0)).toBeGreaterThan(0);
  });

  it("GET /api/specs/:root/:spec: documents, criteria with EARS and findings, tasks, trace uncovered first", async () => {
    await writeTree(directory(), {
      ...SAMPLE_WORKSPACE,
      ".kiro/specs/rate-limiting/requirements.md": UNCOVERED ?? "",
    });
    const { api } = await startDashboardForTest([directory()]);
    const answer = await api("GET", "/api/specs/0/rate-limiting");
    expect(answer.status).toBe(200);
    const page = answer.json as {
      root: string;
      name: string;
      documents: {
        requirements: {
          text: string;
          requirements: { id: string; criteria: { id: string; ears: string; diagnostics: { rule: string }[] }[] }[];
        };
        design: { text: string };
        tasks: { text: string };
      };
      tasks: { id: string; status: string; optional: boolean; references: string[]; children: { id: string }[] }[];
      trace: { rows: { criterion: string; tasks: unknown[] }[]; summary: { uncovered: number } };
      approvals: { phase: string; state: string; explanation: string }[];
      diagnostics: { rule: string; line: number }[];
    };
    expect(page.root).toBe("0");
    expect(page.documents.requirements.text).toBe(UNCOVERED);
    expect(page.documents.design.text).toBe(SAMPLE_WORKSPACE[".kiro/specs/rate-limiting/design.md"]);
    const criteria = page.documents.requirements.requirements.flatMap((requirement) => requirement.criteria);
    expect(criteria.map((criterion) => [criterion.id, criterion.ears])).toEqual([
      ["1.1", "event-driven"],
      ["1.2", "ubiquitous"],
      ["2.1", "unwanted-behaviour"],
      ["2.2", "none"],
    ]);
    const notEars = criteria.find((criterion) => criterion.id === "2.2");
    expect(notEars?.diagnostics.length).toBeGreaterThan(0);
    expect(page.diagnostics.length).toBeGreaterThanOrEqual(notEars?.diagnostics.length ?? 0);
    expect(page.tasks.map((task) => [task.id, task.status])).toEqual([
      ["1", "done"],
      ["2", "in-progress"],
      ["3", "todo"],
    ]);
    expect(page.tasks[0]?.children.map((task) => task.id)).toEqual(["1.1", "1.2"]);
    // The uncovered criterion comes first in the matrix.
    expect(page.trace.rows[0]).toMatchObject({ criterion: "2.2", tasks: [] });
    expect(page.trace.summary.uncovered).toBe(1);
    expect(page.approvals.map((approval) => approval.state)).toEqual(["unapproved", "unapproved", "unapproved"]);
    expect(page.approvals[0]?.explanation).toContain("never approved");
    // Not a git repository: no task has checkpoints.
    expect((answer.json as { checkpointed: string[] }).checkpointed).toEqual([]);
  });

  it("answers an unknown spec or root with 404 and the closest names", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const { api } = await startDashboardForTest([directory()]);
    const spec = await api("GET", "/api/specs/0/rate-limting");
    expect(spec.status).toBe(404);
    expect(spec.json).toMatchObject({ error: { code: "unknown-spec", candidates: ["rate-limiting"] } });
    const root = await api("GET", "/api/specs/7/rate-limiting");
    expect(root.status).toBe(404);
    expect(root.json).toMatchObject({ error: { code: "unknown-root" } });
  });

  it("GET /api/costs: tokens and cost per task and spec from the usage log and the run records", async () => {
    await writeTree(directory(), {
      ...SAMPLE_WORKSPACE,
      ".kiro/specwright/usage.jsonl": [
        {
          at: "2026-12-01T10:00:00.000Z",
          command: "new",
          purpose: "requirements",
          provider: "openai",
          modelId: "m",
          inputTokens: 100,
          outputTokens: 50,
          costUsd: 0.01,
        },
        {
          at: "2026-12-01T11:00:05.000Z",
          command: "run",
          purpose: "task 2.1",
          provider: "openai",
          modelId: "m",
          inputTokens: 200,
          outputTokens: 100,
          costUsd: 0.02,
        },
        {
          at: "2026-12-01T11:00:09.000Z",
          command: "run",
          purpose: "task 2.1",
          provider: "openai",
          modelId: "m",
          inputTokens: 300,
          outputTokens: 100,
          costUsd: 0.03,
        },
      ]
        .map((record) => JSON.stringify(record))
        .join("\n"),
      ".kiro/specs/rate-limiting/runs/2026-12-01T11-00-00-000Z-abc.summary.json": JSON.stringify({
        runId: "2026-12-01T11-00-00-000Z-abc",
        spec: "rate-limiting",
        startedAt: "2026-12-01T11:00:00.000Z",
        finishedAt: "2026-12-01T11:00:10.000Z",
        tasks: [],
      }),
    });
    const { api } = await startDashboardForTest([directory()]);
    const answer = await api("GET", "/api/costs");
    expect(answer.status).toBe(200);
    const costs = answer.json as { tasks: unknown[]; specs: unknown[]; series: unknown[]; budget?: unknown };
    expect(costs.series).toHaveLength(3);
    expect(costs.series[0]).toEqual({
      root: "0",
      time: "2026-12-01T10:00:00.000Z",
      tokens: 150,
      cost: 0.01,
      command: "new",
    });
    expect(costs.tasks).toEqual([
      {
        root: "0",
        spec: "rate-limiting",
        task: "2.1",
        inputTokens: 500,
        outputTokens: 200,
        tokens: 700,
        cost: expect.closeTo(0.05, 6),
      },
    ]);
    expect(costs.specs).toEqual([
      {
        root: "0",
        spec: "rate-limiting",
        inputTokens: 500,
        outputTokens: 200,
        tokens: 700,
        cost: expect.closeTo(0.05, 6),
      },
    ]);
    expect(costs.budget).toBeUndefined();
  });

  it("serves the built page and its assets from the assets folder", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const assets = join(directory(), "dashboard");
    await mkdir(join(assets, "assets"), { recursive: true });
    await writeFile(join(assets, "index.html"), "<!doctype html><title>built page</title>");
    await writeFile(join(assets, "assets", "app.js"), "console.log('app')");
    const { api } = await startDashboardForTest([directory()], { assetsDirectory: assets });
    const page = await api("GET", "/");
    expect(page.status).toBe(200);
    expect(page.text).toContain("built page");
    const script = await api("GET", "/assets/app.js");
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toMatch(/javascript/);
    expect((await api("GET", "/assets/missing.js")).status).toBe(404);
    expect((await api("GET", "/assets/../../package.json")).status).toBe(404);
  });
});
