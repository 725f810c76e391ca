import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ResourceUpdatedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { documentHash } from "../../src/engine/approvals/document-hash.js";
import { git } from "../helpers/git-repository.js";
import {
  createShopRepository,
  editShopDocument,
  SHOP_SPEC,
  SHOP_TASKS,
  withFreeShipping,
} from "../helpers/living-spec.js";
import { structuredOf, textOf, useInMemoryConnections } from "../helpers/mcp-client.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-living-");
const mcp = useInMemoryConnections();

describe("MCP get_impact, get_drift, update_plan", () => {
  it("get_impact and get_drift return what the CLI reports", async () => {
    await createShopRepository(temp());
    await editShopDocument(temp(), "requirements.md", withFreeShipping);
    await writeFile(join(temp(), "src/cart.js"), "export let total = 2;\n");
    await git(temp(), "commit", "--quiet", "--all", "--message", "Cart starts at 2");
    const { call } = await mcp.connect(temp());
    const impact = await call("get_impact", { spec: "checkout" });
    expect(textOf(impact)).toBe("1 criterion added");
    expect(structuredOf(impact)).toMatchObject({ analysis: { criteria: [{ kind: "added", newId: "2.2" }] } });
    const drift = await call("get_drift", {});
    expect(structuredOf(drift)).toMatchObject({
      tasks: [{ spec: "checkout", taskId: "1", files: [{ path: "src/cart.js" }] }],
    });
  });

  it("update_plan writes a plan that keeps the guarantees, refuses one that does not or that was read before an edit", async () => {
    await createShopRepository(temp());
    await editShopDocument(temp(), "requirements.md", withFreeShipping);
    const { call } = await mcp.connect(temp());
    const file = join(temp(), SHOP_SPEC, "tasks.md");
    const uncovered = await call("update_plan", { spec: "checkout", content: SHOP_TASKS.replace("[x] 1.", "[ ] 1.") });
    expect(uncovered.isError).toBe(true);
    expect(textOf(uncovered)).toContain("Done task 1 changed");
    expect(textOf(uncovered)).toContain("Criterion 2.2, new or changed, is not covered");
    const revised = `${SHOP_TASKS}- [ ] 4. Free shipping over $100\n  - _Requirements: 2.2_\n`;
    const stale = await call("update_plan", { spec: "checkout", content: revised, baseSha256: documentHash("other") });
    expect(textOf(stale)).toContain("changed since it was read");
    const written = await call("update_plan", {
      spec: "checkout",
      content: revised,
      baseSha256: documentHash(SHOP_TASKS),
    });
    expect(written.isError).toBeFalsy();
    expect(await readFile(file, "utf8")).toBe(revised);
    // The revised plan's waves go into tasks.meta.json, and the tool says so.
    expect(written.structuredContent?.waves).toMatchObject({ status: "written", waves: [["1"], ["2"], ["3"], ["4"]] });
    const meta = JSON.parse(await readFile(join(temp(), SHOP_SPEC, "tasks.meta.json"), "utf8"));
    expect(meta.waves).toEqual([["1"], ["2"], ["3"], ["4"]]);
    const approvals = JSON.parse(await readFile(join(temp(), SHOP_SPEC, ".specwright-approvals.json"), "utf8"));
    expect(approvals.approvals.tasks).toBeUndefined();
  });

  it("a client subscribed to a spec's impact is told when its requirements change", async () => {
    await createShopRepository(temp());
    const feed = await mcp.watch(temp(), { cwd: temp(), root: temp() });
    const { client } = await mcp.connect(temp(), { feed });
    const notified = new Promise<string>((resolve) => {
      client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) =>
        resolve(notification.params.uri),
      );
    });
    await client.subscribeResource({ uri: "specwright://impact/checkout" });
    await editShopDocument(temp(), "requirements.md", withFreeShipping);
    expect(await notified).toBe("specwright://impact/checkout");
    const read = await client.readResource({ uri: "specwright://impact/checkout" });
    const content = read.contents[0];
    expect(JSON.parse(content && "text" in content ? content.text : "")).toMatchObject({
      summary: "1 criterion added",
    });
  });
});
