import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { type ConnectedClient, useInMemoryConnections } from "../helpers/mcp-client.js";
import { SAMPLE_REQUIREMENTS, SAMPLE_TASKS, SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-resources-");
const mcp = useInMemoryConnections();

async function connect(watch: boolean): Promise<ConnectedClient> {
  await writeTree(temp(), SAMPLE_WORKSPACE);
  const feed = watch ? await mcp.watch(temp(), { cwd: temp(), root: temp() }) : undefined;
  return mcp.connect(temp(), feed ? { feed } : {});
}

describe("MCP spec resources", () => {
  it("lists each spec document as specwright://specs/<name>/<document>", async () => {
    const { client } = await connect(false);
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual([
      "specwright://specs/double-save/bugfix.md",
      "specwright://specs/rate-limiting/requirements.md",
      "specwright://specs/rate-limiting/design.md",
      "specwright://specs/rate-limiting/tasks.md",
    ]);
    expect(resources.every((resource) => resource.mimeType === "text/markdown")).toBe(true);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate).sort()).toEqual([
      "specwright://drift/{spec}",
      "specwright://impact/{spec}",
      "specwright://specs/{spec}/{document}",
    ]);
  });

  it("reads a document as it is on disk", async () => {
    const { client } = await connect(false);
    const read = await client.readResource({ uri: "specwright://specs/rate-limiting/tasks.md" });
    expect(read.contents).toEqual([
      { uri: "specwright://specs/rate-limiting/tasks.md", mimeType: "text/markdown", text: SAMPLE_TASKS },
    ]);
  });

  it("refuses a document that is not there, naming what is", async () => {
    const { client } = await connect(false);
    await expect(client.readResource({ uri: "specwright://specs/double-save/design.md" })).rejects.toThrow(
      /has no design.md/,
    );
    await expect(client.readResource({ uri: "specwright://specs/rate-limits/tasks.md" })).rejects.toThrow(
      /rate-limiting/,
    );
    await expect(client.readResource({ uri: "specwright://specs/rate-limiting/..%2F..%2Fsecret" })).rejects.toThrow(
      /not a spec document/,
    );
  });

  it("tells a subscribed client when a document changes on disk", async () => {
    const { client } = await connect(true);
    const updated: string[] = [];
    const notified = new Promise<void>((resolve) => {
      client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
        updated.push(notification.params.uri);
        resolve();
      });
    });
    await client.subscribeResource({ uri: "specwright://specs/rate-limiting/tasks.md" });
    await writeFile(join(temp(), ".kiro/specs/rate-limiting/tasks.md"), SAMPLE_TASKS.replace("- [ ] 2.1", "- [x] 2.1"));
    await notified;
    expect(updated).toContain("specwright://specs/rate-limiting/tasks.md");
  });

  it("does not notify about documents nobody subscribed to", async () => {
    const { client } = await connect(true);
    const updated: string[] = [];
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
      updated.push(notification.params.uri);
    });
    await client.subscribeResource({ uri: "specwright://specs/rate-limiting/tasks.md" });
    const listChanged = new Promise<void>((resolve) => {
      client.setNotificationHandler(ResourceListChangedNotificationSchema, () => resolve());
    });
    // A new spec: the list changes, but no subscribed document did.
    await writeTree(temp(), { ".kiro/specs/search/requirements.md": SAMPLE_REQUIREMENTS });
    await listChanged;
    expect(updated).toEqual([]);
  });

  it("tells the client the resource list changed when a spec appears", async () => {
    const { client } = await connect(true);
    const listChanged = new Promise<void>((resolve) => {
      client.setNotificationHandler(ResourceListChangedNotificationSchema, () => resolve());
    });
    await client.callTool({ name: "create_spec", arguments: { spec: "search-index" } });
    await listChanged;
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toContain("specwright://specs/search-index/requirements.md");
  });
});
