import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openCheckSession } from "../../src/engine/check/check-session.js";
import { runCheck } from "../../src/engine/check/run-check.js";
import { type ConnectedClient, structuredOf, textOf, useInMemoryConnections } from "../helpers/mcp-client.js";
import { SAMPLE_TASKS, SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-");
const mcp = useInMemoryConnections();

async function connect(files: Record<string, string> = SAMPLE_WORKSPACE): Promise<ConnectedClient> {
  await writeTree(temp(), files);
  return mcp.connect(temp());
}

describe("MCP spec tools", () => {
  it("lists every tool with an input and an output schema", async () => {
    const { client } = await connect();
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      [
        "approve",
        "complete_task",
        "create_spec",
        "get_approvals",
        "get_drift",
        "get_impact",
        "get_spec",
        "get_steering",
        "get_trace",
        "list_hooks",
        "list_specs",
        "next_task",
        "set_task_status",
        "start_task",
        "update_plan",
        "validate",
      ].sort(),
    );
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe("object");
      expect(tool.outputSchema?.type, tool.name).toBe("object");
      expect(tool.description, tool.name).toBeTruthy();
    }
  });

  it("list_specs returns each spec's type and documents", async () => {
    const { call } = await connect();
    const result = structuredOf(await call("list_specs"));
    expect(result.specs).toEqual([
      {
        name: "double-save",
        type: "bugfix",
        documents: { requirements: false, bugfix: true, design: false, tasks: false, config: true },
      },
      {
        name: "rate-limiting",
        type: "feature",
        documents: { requirements: true, bugfix: false, design: true, tasks: true, config: true },
      },
    ]);
  });

  it("get_spec returns the parsed model and the raw documents byte for byte", async () => {
    const { call } = await connect();
    const result = structuredOf(await call("get_spec", { spec: "rate-limiting" }));
    expect(result.documents).toMatchObject({ "tasks.md": SAMPLE_TASKS });
    expect(Object.keys(result.documents ?? {}).sort()).toEqual(["design.md", "requirements.md", "tasks.md"]);
    const model = result.model as { requirements: { id: string }[]; tasks: { id: string }[] };
    expect(model.requirements.map((requirement) => requirement.id)).toEqual(["1", "2"]);
    expect(model.tasks.map((task) => task.id)).toEqual(["1", "2", "3"]);
  });

  it("get_spec without documents returns the model only", async () => {
    const { call } = await connect();
    const result = structuredOf(await call("get_spec", { spec: "rate-limiting", includeDocuments: false }));
    expect(result.documents).toEqual({});
  });

  it("an unknown spec is a tool error naming the closest spec", async () => {
    const { call } = await connect();
    const result = await call("get_spec", { spec: "rate-limitting" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('There is no spec "rate-limitting"');
    expect(textOf(result)).toContain("rate-limiting");
    expect(result._meta?.["specwright/error"]).toMatchObject({ code: "unknown-spec", candidates: ["rate-limiting"] });
  });

  it("invalid arguments come back as the schema's message", async () => {
    const { call } = await connect();
    const missing = await call("get_trace", {});
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toMatch(/Invalid arguments for tool get_trace/);
    const empty = await call("get_trace", { spec: "" });
    expect(textOf(empty)).toContain("Name a spec");
    const badId = await call("set_task_status", { spec: "rate-limiting", taskId: "two", status: "done" });
    expect(textOf(badId)).toContain("A task id is its number in tasks.md");
  });

  it("validate reports the findings of one spec, or of the whole workspace", async () => {
    const { call } = await connect({
      ...SAMPLE_WORKSPACE,
      ".kiro/specs/broken/requirements.md":
        "# Requirements Document\n\n## Requirements\n\n### Requirement 1: X\n\n#### Acceptance Criteria\n\n1. The system does things\n",
    });
    const one = structuredOf(await call("validate", { spec: "broken" }));
    const diagnostics = one.diagnostics as { file: string; rule: string }[];
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((diagnostic) => diagnostic.file.startsWith(".kiro/specs/broken/"))).toBe(true);
    const all = structuredOf(await call("validate"));
    expect((all.summary as { specs: number }).specs).toBe(3);
    expect((all.diagnostics as unknown[]).length).toBeGreaterThanOrEqual(diagnostics.length);
  });

  it("validate answers from the serving process's check session, which sees edits made since", async () => {
    const root = temp();
    await writeTree(root, SAMPLE_WORKSPACE);
    const session = openCheckSession({ cwd: root, root });
    const { call } = await mcp.connect(root, { checks: () => session });
    const rules = async (args?: Record<string, unknown>) =>
      (structuredOf(await call("validate", args)).diagnostics as { rule: string }[]).map((d) => d.rule);
    expect(await rules()).not.toContain("ears/vague-term");
    await appendFile(
      join(root, ".kiro/specs/rate-limiting/requirements.md"),
      "3. THE Rate_Limiter SHALL respond quickly\n",
    );
    expect(await rules({ spec: "rate-limiting" })).toContain("ears/vague-term");
    await writeTree(root, { ".kiro/settings/specwright.json": '{"rules": {"ears/vague-term": "off"}}' });
    expect(await rules()).not.toContain("ears/vague-term");
    const cold = await runCheck({ cwd: root, root, cache: false });
    expect(await rules()).toEqual(cold.diagnostics.map((d) => d.rule));
  });

  it("get_trace maps criteria to tasks and properties, uncovered first", async () => {
    const { call } = await connect();
    const trace = structuredOf(await call("get_trace", { spec: "rate-limiting" }));
    const rows = trace.rows as { criterion: string; tasks: { id: string | null; status: string }[] }[];
    expect(rows.map((row) => row.criterion)).toEqual(["1.1", "1.2", "2.1"]);
    expect(rows.find((row) => row.criterion === "2.1")?.tasks).toEqual([
      { id: "2.1", title: "Answer 429 over the limit", status: "todo" },
    ]);
    // 1.1 is covered by the done 1.1 and the open 1.2, so no criterion is fully done yet.
    expect(trace.summary).toEqual({ criteria: 3, covered: 3, uncovered: 0, done: 0 });
  });
});
