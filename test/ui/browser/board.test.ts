import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DashboardServing } from "../../../src/ui/server/serve-dashboard.js";
import { launchTestBrowser, type TestBrowser } from "../../helpers/browser.js";
import { createDashboardProject } from "../../helpers/dashboard-project.js";
import { openDashboard, startTestDashboard } from "../../helpers/dashboard-server.js";
import { SAMPLE_REQUIREMENTS } from "../../helpers/sample-specs.js";
import { createTempDirectory, removeTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const screenshots = join(import.meta.dirname, "..", "..", "..", "test-output", "screenshots");

async function cardNames(page: Page): Promise<string[]> {
  return page.locator(".card").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-spec") ?? ""));
}

describe("the board in Chromium", () => {
  let workspace: string;
  let dashboard: DashboardServing;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    workspace = await createTempDirectory("specwright-board-");
    const app = join(workspace, "app");
    const library = join(workspace, "library");
    await mkdir(app);
    await mkdir(library);
    await createDashboardProject(app);
    await writeTree(library, { ".kiro/specs/library-search/requirements.md": SAMPLE_REQUIREMENTS });
    dashboard = await startTestDashboard({ roots: [app, library] });
    browser = await launchTestBrowser();
    page = await browser.newPage();
    await openDashboard(page, dashboard);
    await page.waitForSelector(".card");
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
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
    await mkdir(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, "board.png"), fullPage: true });
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
