import { ResourceListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { structuredOf, textOf, useInMemoryConnections } from "../helpers/mcp-client.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-empty-");
const mcp = useInMemoryConnections();

describe("MCP server in a folder without .kiro/", () => {
  it("lists no resources, says how to start, and create_spec makes the first spec", async () => {
    const workspace = { cwd: temp() };
    const feed = await mcp.watch(temp(), workspace);
    const { client, call } = await mcp.connect(temp(), { feed, workspace });
    expect((await client.listResources()).resources).toEqual([]);
    const list = await call("list_specs");
    expect(list.isError).toBe(true);
    expect(textOf(list)).toMatch(/\.kiro/);

    const listChanged = new Promise<void>((resolve) => {
      client.setNotificationHandler(ResourceListChangedNotificationSchema, () => resolve());
    });
    structuredOf(await call("create_spec", { spec: "first-feature" }));
    await listChanged;
    expect(structuredOf(await call("list_specs"))).toMatchObject({ specs: [{ name: "first-feature" }] });
    expect((await client.listResources()).resources.map((resource) => resource.uri)).toContain(
      "specwright://specs/first-feature/requirements.md",
    );
  });
});
