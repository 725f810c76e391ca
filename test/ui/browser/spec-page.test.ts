import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DashboardServing } from "../../../src/ui/server/serve-dashboard.js";
import { createDashboardProject } from "../../helpers/dashboard-project.js";
import { type DashboardInBrowser, openDashboardInBrowser, saveScreenshot } from "../../helpers/dashboard-server.js";
import { createTempDirectory, removeTempDirectory, writeTree } from "../../helpers/temp-dir.js";

/** One criterion in EARS form, one not: the second gets the EARS rule's finding inline. */
const VAGUE_REQUIREMENTS = `# Requirements Document

## Introduction

Search for the library.

## Requirements

### Requirement 1: Search

**User Story:** As a reader, I want to search the catalogue, so that I find books.

#### Acceptance Criteria

1. WHEN a reader submits a query, THE Search_Service SHALL return the matching books
2. Search should be fast and nice
`;

/** A plan with a task line that has no number: the API sends its id as null. */
const UNNUMBERED_TASKS = `# Implementation Plan

- [ ] 1. Build the search endpoint
  - _Requirements: 1.1_
- [ ] Write the search section of the README
  - _Requirements: 1.1_
`;

describe("a spec page in Chromium", () => {
  let workspace: string;
  let dashboard: DashboardServing;
  let opened: DashboardInBrowser | undefined;
  let page: Page;

  beforeAll(async () => {
    workspace = await createTempDirectory("specwright-spec-page-");
    await createDashboardProject(workspace);
    await writeTree(workspace, {
      ".kiro/specs/vague-search/requirements.md": VAGUE_REQUIREMENTS,
      ".kiro/specs/vague-search/tasks.md": UNNUMBERED_TASKS,
    });
    opened = await openDashboardInBrowser({ roots: [workspace] });
    ({ dashboard, page } = opened);
  });

  afterAll(async () => {
    await opened?.close();
    await removeTempDirectory(workspace);
  });

  it("renders the requirements with each criterion's EARS pattern", async () => {
    await page.goto(`${dashboard.origin}/#/spec/0/rate-limiting`);
    await page.waitForSelector(".criterion");
    const first = page.locator(".criterion").first();
    await expect(first.locator(".criterion-id").textContent()).resolves.toBe("1.1");
    const patterns = await page.locator(".criterion .chip.ears").allTextContents();
    expect(patterns.length).toBeGreaterThan(0);
    expect(patterns.every((pattern) => pattern !== "")).toBe(true);
    expect(patterns).toContain("event-driven");
  });

  it("shows a criterion that is not in EARS form with its finding and fix inline", async () => {
    await page.goto(`${dashboard.origin}/#/spec/0/vague-search`);
    const vague = page.locator("#criterion-1\\.2");
    await vague.waitFor();
    await expect(vague.locator(".chip.ears").textContent()).resolves.toBe("none");
    await expect(vague.locator(".diagnostic").count()).resolves.toBeGreaterThan(0);
    await expect(vague.locator(".diagnostic .fix").first().textContent()).resolves.toMatch(/^Fix: .+/);
    await expect(page.locator("#criterion-1\\.1 .diagnostic").count()).resolves.toBe(0);
    // Said once: inline, not again in the spec's own list.
    await expect(page.locator(".spec-page > .diagnostics .diagnostic").count()).resolves.toBe(0);
    await saveScreenshot(page, "spec-diagnostics.png");
  });

  it("shows the traceability matrix as a heat map whose cells lead to the task", async () => {
    await page.goto(`${dashboard.origin}/#/spec/0/calculator?tab=trace`);
    await page.waitForSelector(".trace-matrix");
    const heads = await page.locator(".trace-matrix .task-head").allTextContents();
    expect(heads).toEqual(["1.1", "1.2", "2", "3", "4"]);
    const row = page.locator('.trace-matrix tr[data-criterion="2.1"]');
    await expect(row.locator("td.hit button").evaluateAll((cells) => cells.map((cell) => cell.title))).resolves.toEqual(
      ["task 1.2 covers 2.1", "task 4 covers 2.1"],
    );
    await row.locator("td.hit button").first().click();
    await page.waitForSelector(".task.highlighted");
    await expect(page.locator(".task.highlighted").getAttribute("data-task")).resolves.toBe("1.2");
    expect(new URL(page.url()).hash).toBe("#/spec/0/calculator?tab=tasks");
  });

  it("lists the tasks as a tree with markers, optional flags, references and actions", async () => {
    await page.goto(`${dashboard.origin}/#/spec/0/calculator?tab=tasks`);
    await page.waitForSelector(".task-tree");
    await expect(page.locator('.task[data-task="1"] > .task-tree .task').count()).resolves.toBe(2);
    await expect(page.locator('.task[data-task="2"] .chip.optional').count()).resolves.toBe(1);
    await expect(page.locator('.task[data-task="1.2"] .chip.reference').textContent()).resolves.toBe("2.1");
    await expect(page.locator('.task[data-task="1.1"] .marker').first().textContent()).resolves.toBe("[ ]");
    await expect(page.locator('.task[data-task="1.1"] .task-actions button').allTextContents()).resolves.toEqual([
      "Start",
      "Diff",
      "Revert",
    ]);
    // No run made a checkpoint yet: there is nothing to diff or revert.
    await expect(page.locator('.task[data-task="1.1"] .task-actions button:text("Diff")').isDisabled()).resolves.toBe(
      true,
    );
    await expect(page.locator('.task[data-task="1.1"] .task-actions button:text("Revert")').isDisabled()).resolves.toBe(
      true,
    );
    // A reference leads back to its criterion.
    await page.locator('.task[data-task="1.2"] .chip.reference').click();
    await page.waitForSelector("#criterion-2\\.1.highlighted");
  });

  it("shows a task without a number in the tree and the heat map, its actions disabled with the reason", async () => {
    await page.goto(`${dashboard.origin}/#/spec/0/vague-search?tab=tasks`);
    await page.waitForSelector(".task-tree");
    const unnumbered = page.locator(".task.unnumbered");
    await expect(unnumbered.count()).resolves.toBe(1);
    await expect(unnumbered.locator(".task-title").textContent()).resolves.toBe(
      "Write the search section of the README",
    );
    const buttons = unnumbered.locator(".task-actions button");
    await expect(buttons.allTextContents()).resolves.toEqual(["Start", "Diff", "Revert"]);
    for (const index of [0, 1, 2]) await expect(buttons.nth(index).isDisabled()).resolves.toBe(true);
    await expect(buttons.first().getAttribute("title")).resolves.toMatch(/no number/);
    // The numbered task beside it keeps its actions.
    await expect(page.locator('.task[data-task="1"] .task-actions button:text("Start")').isDisabled()).resolves.toBe(
      false,
    );

    await page.goto(`${dashboard.origin}/#/spec/0/vague-search?tab=trace`);
    await page.waitForSelector(".trace-matrix");
    const heads = page.locator(".trace-matrix .task-head");
    await expect(heads.allTextContents()).resolves.toEqual(["1", "(no number)"]);
    await expect(heads.nth(1).locator("button").isDisabled()).resolves.toBe(true);
    await expect(heads.nth(1).locator("button").getAttribute("title")).resolves.toContain(
      "Write the search section of the README",
    );
    const hits = page.locator('.trace-matrix tr[data-criterion="1.1"] td.hit');
    await expect(hits.count()).resolves.toBe(2);
  });

  it("renders the design's mermaid diagram as SVG, with mermaid loaded only then", async () => {
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${dashboard.origin}/#/spec/0/calculator?tab=design`);
    await page.reload();
    await page.waitForSelector(".mermaid-diagram svg", { timeout: 15_000 });
    await expect(page.locator(".mermaid-diagram svg").textContent()).resolves.toContain("Subtract");
    await expect(page.locator(".markdown h2").first().textContent()).resolves.toBe("Overview");
    expect(scripts.some((path) => /\/assets\/mermaid\.core-[^/]+\.js$/.test(path))).toBe(true);
    await saveScreenshot(page, "spec-design.png");
    await page.goto(`${dashboard.origin}/#/spec/0/calculator?tab=trace`);
    await page.waitForSelector(".trace-matrix");
    await saveScreenshot(page, "spec-trace.png");
    await page.goto(`${dashboard.origin}/#/spec/0/rate-limiting`);
    await page.waitForSelector(".criterion");
    await saveScreenshot(page, "spec-requirements.png");
  });

  it("loads no script, style or font from another origin", async () => {
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).origin !== dashboard.origin) foreign.push(request.url());
    });
    for (const tab of ["requirements", "trace", "design", "tasks", "approvals"]) {
      await page.goto(`${dashboard.origin}/#/spec/0/calculator?tab=${tab}`);
      await page.reload();
      await page.waitForSelector(".spec-page");
    }
    await page.waitForSelector(".mermaid-diagram svg, .approval-panel");
    expect(foreign).toEqual([]);
  });
});
