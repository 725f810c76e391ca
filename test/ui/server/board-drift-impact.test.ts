import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startDashboardForTest } from "../../helpers/dashboard-http.js";
import { git } from "../../helpers/git-repository.js";
import { createShopRepository, editShopDocument, withFreeShipping } from "../../helpers/living-spec.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-ui-drift-");

interface Card {
  name: string;
  approvals: Record<string, { state: string }>;
  drift?: { tasks: number; files: number };
  impact?: string;
}

async function checkoutCard(
  api: (method: string, path: string) => Promise<{ json: unknown }>,
): Promise<Card | undefined> {
  const board = (await api("GET", "/api/board")).json as { specs: Card[] };
  return board.specs.find((spec) => spec.name === "checkout");
}

describe("the board's drift and impact badges", () => {
  it("shows no drift after the tasks' work, then a commit to a done task's file as drift", async () => {
    await createShopRepository(directory());
    const { api } = await startDashboardForTest([directory()]);
    const before = await checkoutCard(api);
    expect(before?.drift).toBeUndefined();
    expect(before?.approvals).toMatchObject({ requirements: { state: "approved" }, tasks: { state: "approved" } });
    await writeFile(join(directory(), "src/shipping.js"), "export const shipping = () => 6;\n");
    await git(directory(), "add", "--all");
    await git(directory(), "commit", "--quiet", "--message", "Shipping costs 6");
    expect((await checkoutCard(api))?.drift).toEqual({ tasks: 1, files: 1 });
  });

  it("tells the impact of an approved document edited on disk, and its later documents turn stale", async () => {
    await createShopRepository(directory());
    const { api } = await startDashboardForTest([directory()]);
    expect((await checkoutCard(api))?.impact).toBeUndefined();
    await editShopDocument(directory(), "requirements.md", withFreeShipping);
    const card = await checkoutCard(api);
    expect(card?.approvals).toMatchObject({
      requirements: { state: "changed" },
      design: { state: "stale" },
      tasks: { state: "stale" },
    });
    expect(card?.impact).toContain("1 criterion added");
  });
});
