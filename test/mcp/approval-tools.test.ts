import { describe, expect, it } from "vitest";
import { structuredOf, textOf, useInMemoryConnections } from "../helpers/mcp-client.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-approvals-");
const mcp = useInMemoryConnections();

describe("MCP approvals", () => {
  it("get_approvals lists the phases in order; approve goes phase by phase", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const connected = await mcp.connect(temp());
    const { call } = connected;
    const before = structuredOf(await call("get_approvals", { spec: "rate-limiting" }));
    expect(before.phases).toEqual([
      { phase: "requirements", document: "requirements.md", state: "unapproved", approvedAt: null },
      { phase: "design", document: "design.md", state: "unapproved", approvedAt: null },
      { phase: "tasks", document: "tasks.md", state: "unapproved", approvedAt: null },
    ]);

    const early = await call("approve", { spec: "rate-limiting", phase: "tasks" });
    expect(early.isError).toBe(true);
    expect(textOf(early)).toMatch(/requirements/);

    const first = structuredOf(await call("approve", { spec: "rate-limiting" }));
    expect(first).toMatchObject({ phase: "requirements", alreadyApproved: false });
    const again = structuredOf(await call("approve", { spec: "rate-limiting", phase: "requirements" }));
    expect(again.alreadyApproved).toBe(true);
    const after = structuredOf(await call("get_approvals", { spec: "rate-limiting" }));
    expect((after.phases as { state: string }[]).map((phase) => phase.state)).toEqual([
      "approved",
      "unapproved",
      "unapproved",
    ]);
  });

  it("an unknown phase is refused by the schema", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const connected = await mcp.connect(temp());
    const result = await connected.call("approve", { spec: "rate-limiting", phase: "deploy" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/Invalid arguments for tool approve/);
  });
});
