import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DashboardServing } from "../../../src/ui/server/serve-dashboard.js";
import { approvalsFile } from "../../helpers/approval-workspace.js";
import { createDashboardProject } from "../../helpers/dashboard-project.js";
import { type DashboardInBrowser, openDashboardInBrowser, saveScreenshot } from "../../helpers/dashboard-server.js";
import { createTempDirectory, removeTempDirectory } from "../../helpers/temp-dir.js";

const REQUIREMENTS = ".kiro/specs/calculator/requirements.md";
const TASKS = ".kiro/specs/calculator/tasks.md";

describe("approvals and live updates in Chromium", () => {
  let workspace: string;
  let dashboard: DashboardServing;
  let opened: DashboardInBrowser | undefined;
  let page: Page;

  beforeAll(async () => {
    workspace = await createTempDirectory("specwright-approvals-page-");
    await createDashboardProject(workspace);
    opened = await openDashboardInBrowser({ roots: [workspace] });
    ({ dashboard, page } = opened);
  });

  afterAll(async () => {
    await opened?.close();
    await removeTempDirectory(workspace);
  });

  it("approves a document from the page with the engine's approval, recorded on disk", async () => {
    await page.goto(`${dashboard.origin}/#/spec/0/calculator?tab=approvals`);
    const panel = page.locator('.approval-panel[data-document="requirements"]');
    await panel.waitFor();
    await expect(panel.getAttribute("data-state")).resolves.toBe("unapproved");
    await expect(panel.locator(".explanation").textContent()).resolves.toContain("never approved");
    await panel.locator("button.primary").click();
    await page.waitForSelector('.approval-panel[data-document="requirements"][data-state="approved"]');
    await expect(panel.locator("button.primary").isDisabled()).resolves.toBe(true);
    const record = await readFile(join(workspace, approvalsFile("calculator")), "utf8");
    expect(record).toContain("requirements");
    await page.waitForSelector('.spec-header .chip.approval-approved:text("requirements: approved")');
  });

  it("refuses to approve tasks before design, with the engine's message and fix", async () => {
    const tasksPanel = page.locator('.approval-panel[data-document="tasks"]');
    await tasksPanel.locator("button.primary").click();
    await tasksPanel.locator(".error-panel").waitFor();
    await expect(tasksPanel.locator(".error-panel strong").textContent()).resolves.toMatch(/design/i);
    await expect(tasksPanel.getAttribute("data-state")).resolves.toBe("unapproved");
  });

  it("turns the approval to changed, with the diff, when the document is edited on disk (no reload)", async () => {
    const before = await readFile(join(workspace, REQUIREMENTS), "utf8");
    const edited = before.replace("return their product", "return their product, rounded to 10 digits");
    await writeFile(join(workspace, REQUIREMENTS), edited);
    await page.waitForSelector('.approval-panel[data-document="requirements"][data-state="changed"]', {
      timeout: 10_000,
    });
    const panel = page.locator('.approval-panel[data-document="requirements"]');
    await panel.locator(".d2h-ins").first().waitFor();
    await expect(panel.locator(".diff-view").textContent()).resolves.toContain("rounded to 10 digits");
    await expect(panel.locator(".explanation").textContent()).resolves.toMatch(/changed/i);
    await expect(panel.locator("button.primary").textContent()).resolves.toBe("Approve requirements");
    await saveScreenshot(page, "spec-approvals.png");
  });

  it("updates the board's progress when tasks.md is checked off in an editor", async () => {
    await page.goto(`${dashboard.origin}/#/`);
    const count = page.locator('.card[data-spec="calculator"] .progress.required .progress-count');
    await expect(count.textContent()).resolves.toBe("0/5");
    await expect(page.locator('.card[data-spec="calculator"] .chip.approval-changed').count()).resolves.toBe(1);
    const tasks = await readFile(join(workspace, TASKS), "utf8");
    await writeFile(join(workspace, TASKS), tasks.replace("- [ ] 1.1", "- [x] 1.1"));
    await vi.waitFor(async () => expect(await count.textContent()).toBe("1/5"), { timeout: 10_000, interval: 100 });
    await expect(page.locator(".live").textContent()).resolves.toBe("live");
  });
});
