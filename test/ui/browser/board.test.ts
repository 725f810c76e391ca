import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDashboardProject } from "../../helpers/dashboard-project.js";
import { type DashboardInBrowser, openDashboardInBrowser, saveScreenshot } from "../../helpers/dashboard-server.js";
import { SAMPLE_REQUIREMENTS } from "../../helpers/sample-specs.js";
import { createTempDirectory, removeTempDirectory, writeTree } from "../../helpers/temp-dir.js";

async function cardNames(page: Page): Promise<string[]> {
  return page.locator(".card").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-spec") ?? ""));
}

describe("the board in Chromium", () => {
  let workspace: string;
  let opened: DashboardInBrowser | undefined;
  let page: Page;

  beforeAll(async () => {
    workspace = await createTempDirectory("specwright-board-");
    const app = join(workspace, "app");
    const library = join(workspace, "library");
    await mkdir(app);
    await mkdir(library);
    await createDashboardProject(app);
    await writeTree(library, { ".kiro/specs/library-search/requirements.md": SAMPLE_REQUIREMENTS });
    opened = await openDashboardInBrowser({ roots: [app, library] });
    ({ page } = opened);
    await page.waitForSelector(".card");
  });

  afterAll(async () => {
    await opened?.close();
    await removeTempDirectory(workspace);
  });

  it("shows every spec of both roots as a card, with its type, phase, approvals and progress", async () => {
    expect((await cardNames(page)).sort()).toEqual(["calculator", "double-save", "library-search", "rate-limiting"]);
    const calculator = page.locator('.card[data-spec="calculator"]');
    await expect(calculator.locator(".chip.type").textContent()).resolves.toBe("feature");
    await expect(calculator.locator(".chip.phase").textContent()).resolves.toBe("phase: tasks");
    await expect(calculator.locator(".chip.approval-unapproved").count()).resolves.toBe(3);
    await expect(calculator.locator(".progress.required .progress-count").textContent()).resolves.toBe("0/5");
    await expect(calculator.locator(".progress.optional .progress-count").textContent()).resolves.toBe("0/1");
    await expect(page.locator('.card[data-spec="double-save"] .chip.type').textContent()).resolves.toBe("bugfix");
    // Two roots side by side: grouped by root at first, and each card says which one it comes from.
    await expect(page.locator(".group-title").allTextContents()).resolves.toEqual(["app (3)", "library (1)"]);
    await expect(page.locator('select[name="grouping"]').inputValue()).resolves.toBe("folder");
    await expect(page.locator('.card[data-spec="library-search"] .card-root').textContent()).resolves.toBe("library");
    await saveScreenshot(page, "board.png");
  });

  it("filters by search text and by state, and groups by folder and by name prefix", async () => {
    await page.fill('input[name="search"]', "rate");
    await expect(cardNames(page)).resolves.toEqual(["rate-limiting"]);
    await expect(page.locator(".toolbar .count").textContent()).resolves.toBe("1 of 4 specs");
    await page.fill('input[name="search"]', "");
    await page.selectOption('select[name="state"]', "done");
    await expect(page.locator(".card").count()).resolves.toBe(0);
    await expect(page.locator(".empty").textContent()).resolves.toBe("No spec matches.");
    await page.selectOption('select[name="state"]', "all");
    await page.selectOption('select[name="grouping"]', "none");
    await expect(page.locator(".group-title").count()).resolves.toBe(0);
    await page.selectOption('select[name="grouping"]', "folder");
    const groups = await page.locator(".group-title").allTextContents();
    expect(groups).toEqual(["app (3)", "library (1)"]);
    await page.selectOption('select[name="grouping"]', "prefix");
    expect(await page.locator(".group-title").allTextContents()).toEqual([
      "calculator (1)",
      "double (1)",
      "library (1)",
      "rate (1)",
    ]);
    await page.selectOption('select[name="grouping"]', "none");
    await page.selectOption('select[name="sorting"]', "name");
    await expect(cardNames(page)).resolves.toEqual(["calculator", "double-save", "library-search", "rate-limiting"]);
  });

  it("opens a spec page from its card", async () => {
    await page.click('.card[data-spec="rate-limiting"]');
    await page.waitForSelector('.spec-page[data-spec="rate-limiting"]');
    expect(new URL(page.url()).hash).toBe("#/spec/0/rate-limiting");
    await expect(page.locator(".spec-header h2").textContent()).resolves.toBe("rate-limiting");
  });
});
