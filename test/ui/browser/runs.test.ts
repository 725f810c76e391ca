import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DashboardServing } from "../../../src/ui/server/serve-dashboard.js";
import { createDashboardProject } from "../../helpers/dashboard-project.js";
import { type DashboardInBrowser, openDashboardInBrowser, saveScreenshot } from "../../helpers/dashboard-server.js";
import {
  type FakeOpenAiServer,
  type FakeReply,
  type FakeToolCall,
  startFakeOpenAiServer,
} from "../../helpers/fake-openai-server.js";
import { TINY_PROJECT } from "../../helpers/git-repository.js";
import { runCli } from "../../helpers/run-cli.js";
import { writeSubtractReply } from "../../helpers/runner-project.js";
import { createTempDirectory, removeTempDirectory } from "../../helpers/temp-dir.js";

const TASKS = ".kiro/specs/calculator/tasks.md";
const CALCULATOR = "src/calculator.js";

/** Writes multiply and its test (the calculator keeps only `add` besides, as after a revert). */
function writeMultiplyReply(): FakeReply {
  return {
    toolCalls: [
      {
        name: "write_file",
        arguments: {
          path: CALCULATOR,
          content: `${TINY_PROJECT[CALCULATOR]}\nexport function multiply(left, right) {\n  return left * right;\n}\n`,
        },
      },
      {
        name: "write_file",
        arguments: {
          path: "test/multiply.test.js",
          content: [
            'import assert from "node:assert/strict";',
            'import { test } from "node:test";',
            'import { multiply } from "../src/calculator.js";',
            "",
            'test("multiply", () => {',
            "  assert.equal(multiply(4, 3), 12);",
            "});",
            "",
          ].join("\n"),
        },
      },
    ],
  };
}

async function startRun(
  page: Page,
  origin: string,
  taskId: string,
  mode: "autopilot" | "supervised",
  spec = "calculator",
): Promise<void> {
  await page.goto(`${origin}/#/spec/0/${spec}?tab=tasks`);
  await page.locator(`.task[data-task="${taskId}"] .task-actions button:text("Start")`).click();
  await page.waitForSelector(`.start-run strong:text("Run task ${taskId}")`);
  await page.check(`.start-run input[value="${mode}"]`);
  await page.click('.start-run button[type="submit"]');
  await page.waitForSelector(".run-view, .start-run .error-panel");
  const refusal = page.locator(".start-run .error-panel");
  if ((await refusal.count()) > 0) throw new Error(`The run did not start: ${await refusal.textContent()}`);
}

describe("runs, diffs and revert in Chromium, against the fake model", () => {
  let workspace: string;
  let model: FakeOpenAiServer;
  let dashboard: DashboardServing;
  let opened: DashboardInBrowser | undefined;
  let page: Page;

  beforeAll(async () => {
    workspace = await createTempDirectory("specwright-runs-page-");
    await createDashboardProject(workspace);
    model = await startFakeOpenAiServer();
    opened = await openDashboardInBrowser({ roots: [workspace], modelUrl: model.url });
    ({ dashboard, page } = opened);
  });

  afterAll(async () => {
    await opened?.close();
    await model?.close();
    await removeTempDirectory(workspace);
  });

  it("starts an autopilot run for one task and shows its events live until it is done", async () => {
    model.push(writeSubtractReply(), { text: "Added subtract.", usage: { inputTokens: 120, outputTokens: 30 } });
    await startRun(page, dashboard.origin, "1.1", "autopilot");
    expect(new URL(page.url()).hash).toMatch(/^#\/run\/.+/);
    await page.waitForSelector('.run-view[data-state="done"]', { timeout: 30_000 });
    await expect(page.locator(".run-summary").textContent()).resolves.toContain("task 1.1 done");
    const events = await page.locator(".run-events li").allTextContents();
    expect(events[0]).toContain("run started (autopilot)");
    expect(events).toContain("task 1.1: step 1 calls write_file");
    expect(events.some((line) => line.startsWith("task 1.1: verification passed"))).toBe(true);
    expect(events.at(-1)).toBe("run ended");
    await expect(page.locator(".run-stats dd").nth(2).textContent()).resolves.not.toBe("0 in / 0 out");
    expect(await readFile(join(workspace, TASKS), "utf8")).toContain("- [x] 1.1");
    await saveScreenshot(page, "run.png");
  });

  it("shows the task's diff from its checkpoints side by side, and reverts it only after confirmation", async () => {
    await page.goto(`${dashboard.origin}/#/spec/0/calculator?tab=tasks`);
    await page.waitForSelector('.task[data-task="1.1"][data-status="done"]');
    await page.locator('.task[data-task="1.1"] .task-actions button:text("Diff")').click();
    const panel = page.locator('.task-diff[data-task="1.1"]');
    await panel.locator(`.file-diff[data-path="${CALCULATOR}"] .d2h-file-side-diff`).first().waitFor();
    await expect(panel.locator(`.file-diff[data-path="${CALCULATOR}"]`).textContent()).resolves.toContain(
      "export function subtract",
    );
    await saveScreenshot(page, "task-diff.png");
    await panel.locator('button:text("Revert…")').click();
    const confirm = panel.locator(".confirm");
    await confirm.waitFor();
    await confirm.locator('button:text("Keep it")').click();
    expect(await readFile(join(workspace, CALCULATOR), "utf8")).toContain("subtract");
    await panel.locator('button:text("Revert…")').click();
    await confirm.locator('button:text("Yes, revert task 1.1")').click();
    await panel.locator(".notice").waitFor();
    expect(await readFile(join(workspace, CALCULATOR), "utf8")).toBe(TINY_PROJECT[CALCULATOR]);
    // The revert leaves tasks.md alone, as `specwright revert --task` does; the person unchecks the task in an
    // editor (in place, after the run replaced the file), and the page follows.
    const tasks = await readFile(join(workspace, TASKS), "utf8");
    expect(tasks).toContain("- [x] 1.1");
    await writeFile(join(workspace, TASKS), tasks.replace("- [x] 1.1", "- [ ] 1.1"));
    await page.waitForSelector('.task[data-task="1.1"][data-status="todo"]', { timeout: 10_000 });
  });

  it("pauses a supervised run for review in the page, and goes on once it is accepted", async () => {
    model.push(writeMultiplyReply(), { text: "Added multiply." });
    await startRun(page, dashboard.origin, "1.2", "supervised");
    const review = page.locator(".review-panel");
    await review.waitFor({ timeout: 30_000 });
    await expect(review.locator("h3").textContent()).resolves.toBe("Review task 1.2, step 1");
    await expect(review.locator(".review-file code").allTextContents()).resolves.toEqual([
      CALCULATOR,
      "test/multiply.test.js",
    ]);
    // Each file's only checkbox is the review's "reject": diff2html's "Viewed" one is left out of its header.
    await review.locator(".review-file .d2h-file-name").nth(1).waitFor();
    await expect(review.locator(".review-file input[type=checkbox]").count()).resolves.toBe(2);
    await expect(review.locator(".d2h-file-collapse").count()).resolves.toBe(0);
    await review.locator('button:text("Accept all")').click();
    await page.waitForSelector('.run-view[data-state="done"]', { timeout: 30_000 });
    await expect(page.locator(".run-summary").textContent()).resolves.toContain("task 1.2 done");
    expect(await page.locator(".run-events li").allTextContents()).toContain("task 1.2: review answered");
    expect(await readFile(join(workspace, TASKS), "utf8")).toContain("- [x] 1.2");
  });

  it("names the files changed since a task when its revert is refused, and reverts anyway when asked", async () => {
    const calculator = join(workspace, CALCULATOR);
    await writeFile(calculator, `${await readFile(calculator, "utf8")}// edited after task 1.2\n`);
    await page.goto(`${dashboard.origin}/#/spec/0/calculator?tab=tasks`);
    await page.locator('.task[data-task="1.2"] .task-actions button:text("Revert")').click();
    const panel = page.locator('.task-diff[data-task="1.2"]');
    await panel.locator('.confirm button:text("Yes, revert task 1.2")').click();
    await panel.locator(".error-panel").waitFor();
    await expect(panel.locator(".error-panel code").textContent()).resolves.toBe("changed-since-task");
    await expect(panel.locator(".error-panel").textContent()).resolves.toContain(CALCULATOR);
    expect(await readFile(calculator, "utf8")).toContain("// edited after task 1.2");
    await panel.locator('button:text("Revert anyway")').click();
    await panel.locator(".notice").waitFor();
    expect(await readFile(calculator, "utf8")).toBe(TINY_PROJECT[CALCULATOR]);
  });

  it("rejects one file of a supervised turn with a message, which the model gets, and the file is put back", async () => {
    const tasks = await readFile(join(workspace, TASKS), "utf8");
    await writeFile(join(workspace, TASKS), tasks.replace("- [x] 1.2", "- [ ] 1.2"));
    const multiply = writeMultiplyReply() as { toolCalls: FakeToolCall[] };
    model.push(
      {
        toolCalls: [
          ...multiply.toolCalls,
          { name: "write_file", arguments: { path: "NOTES.txt", content: "scratch\n" } },
        ],
      },
      { text: "Removed the notes." },
    );
    await startRun(page, dashboard.origin, "1.2", "supervised");
    const review = page.locator(".review-panel");
    await review.waitFor({ timeout: 30_000 });
    await review.locator('.review-file > label:has(code:text-is("NOTES.txt")) input').check();
    await review.locator('textarea[name="review-message"]').fill("No scratch files in the repository.");
    const asked = model.requests.length;
    await review.locator('button:text("Reject 1 file")').click();
    await page.waitForSelector('.run-view[data-state="done"]', { timeout: 30_000 });
    const feedback = JSON.stringify(model.requests[asked]?.body?.messages);
    expect(feedback).toContain("NOTES.txt");
    expect(feedback).toContain("No scratch files in the repository.");
    await expect(readFile(join(workspace, "NOTES.txt"), "utf8")).rejects.toThrow();
    expect(await readFile(join(workspace, CALCULATOR), "utf8")).toContain("export function multiply");
  });

  it("answers the agent's ask_user question in the page", async () => {
    model.push(
      {
        toolCalls: [
          { name: "ask_user", arguments: { question: "Which examples?", options: ["add only", "all four"] } },
        ],
      },
      {
        toolCalls: [
          { name: "write_file", arguments: { path: "README.md", content: "# Calculator\n\nadd(2, 3) is 5.\n" } },
        ],
      },
      { text: "Documented the calculator." },
    );
    await startRun(page, dashboard.origin, "2", "autopilot");
    const form = page.locator(".question-form");
    await form.waitFor({ timeout: 30_000 });
    await expect(form.locator(".question").textContent()).resolves.toBe("Which examples?");
    await form.locator('label:has-text("all four") input').check();
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('.run-view[data-state="done"]', { timeout: 30_000 });
    await expect(page.locator(".run-summary").textContent()).resolves.toContain("task 2 done");
    const answered = model.requests.at(-2);
    expect(JSON.stringify(answered?.body?.messages)).toContain("all four");
    expect(await readFile(join(workspace, "README.md"), "utf8")).toContain("add(2, 3) is 5.");
  });

  it("offers to reset the tasks an interrupted run left started, and starts once asked", async () => {
    model.push({ text: "Nothing left to change." });
    await page.goto(`${dashboard.origin}/#/spec/0/rate-limiting?tab=tasks`);
    await page.locator('.task[data-task="2.1"] .task-actions button:text("Start")').click();
    await page.click('.start-run button[type="submit"]');
    const refusal = page.locator(".start-run .error-panel");
    await refusal.waitFor();
    await expect(refusal.locator("code").textContent()).resolves.toBe("interrupted-run");
    await page.locator('.start-run button:text("Reset them to [ ] and start")').click();
    await page.waitForSelector(".run-view");
    await page.waitForSelector('.run-view:not([data-state="running"])', { timeout: 30_000 });
    expect(await page.locator(".run-events li").first().textContent()).toBe("run started (autopilot)");
    const tasks = await readFile(join(workspace, ".kiro/specs/rate-limiting/tasks.md"), "utf8");
    expect(tasks).not.toContain("[~] 2.2");
  });

  it("shows a question a terminal-less CLI run paused on, and resumes the task with the answer", async () => {
    model.push({
      toolCalls: [{ name: "ask_user", arguments: { question: "Which status code?", options: ["429", "503"] } }],
    });
    const paused = await runCli(["run", "rate-limiting", "--task", "2.1", "--json"], {
      cwd: workspace,
      env: { SPECWRIGHT_MODEL: "openai-compatible:test", SPECWRIGHT_BASE_URL: model.url },
    });
    expect(paused.code).toBe(1);
    await page.goto(`${dashboard.origin}/#/spec/0/rate-limiting?tab=tasks`);
    const entry = page.locator('.paused-questions [data-task="2.1"]');
    await entry.waitFor();
    await expect(entry.locator(".question").textContent()).resolves.toBe("Which status code?");
    model.push({ text: "Answered with 503." });
    const asked = model.requests.length;
    await entry.locator('label:has-text("503") input').check();
    await entry.locator('button[type="submit"]').click();
    await page.waitForSelector(".run-view");
    await page.waitForSelector('.run-view:not([data-state="running"])', { timeout: 30_000 });
    expect(JSON.stringify(model.requests[asked]?.body?.messages)).toContain("503");
  });

  it("cancels a run from the page, and the next run of the spec asks the model", async () => {
    model.push({ hang: true });
    const asked = model.requests.length;
    // A cost limit set only in the settings is the run's budget too, and the Costs page says where it is set.
    const settingsFile = join(workspace, ".kiro/settings/specwright.json");
    const settings = await readFile(settingsFile, "utf8");
    await writeFile(settingsFile, JSON.stringify({ ...JSON.parse(settings), limits: { maxCost: 3 } }));
    await startRun(page, dashboard.origin, "4", "autopilot");
    await writeFile(settingsFile, settings);
    await vi.waitFor(() => expect(model.requests.length).toBe(asked + 1), { timeout: 20_000 });
    const runPage = page.url();
    await page.goto(`${dashboard.origin}/#/costs`);
    const budget = page.locator(".budget");
    await budget.waitFor();
    await expect(budget.textContent()).resolves.toContain("of $3.0000");
    await expect(budget.locator('.budget-source[data-limit="maxCost"]').textContent()).resolves.toContain(
      "limits.maxCost in .kiro/settings/specwright.json",
    );
    await page.goto(runPage);
    await page.locator('.run-view button:text("Cancel")').click();
    await page.waitForSelector('.run-view[data-state="cancelled"]', { timeout: 30_000 });
    await expect(page.locator(".run-summary").textContent()).resolves.toContain("Run cancelled");
    expect(await readFile(join(workspace, TASKS), "utf8")).toContain("- [ ] 4.");
    await vi.waitFor(() => expect(model.hanging()).toBe(0), { timeout: 20_000 });
    // The model changes nothing, so the task ends failed (no changes): what matters is that the run asked it.
    model.push({ text: "Nothing to change." });
    await startRun(page, dashboard.origin, "4", "autopilot");
    await page.waitForSelector('.run-view[data-state="failed"]', { timeout: 30_000 });
    expect(model.requests.length).toBe(asked + 2);
  });

  it("lists the runs started from the page, newest first, each leading to its live view", async () => {
    await page.goto(`${dashboard.origin}/#/runs`);
    await page.waitForSelector(".runs-table");
    const states = await page
      .locator(".runs-table tbody tr")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-state")));
    // The run after the cancel (the model changed nothing), cancel, the resumed rate-limiting run, the
    // rate-limiting run after the reset (the fake model changed nothing; both end failed), ask_user, the
    // supervised run with a rejection, supervised, autopilot.
    expect(states).toEqual(["failed", "cancelled", "failed", "failed", "done", "done", "done", "done"]);
    // The terminal-less CLI run is not one of this start's: it is listed from its summary on disk, read-only.
    const recorded = page.locator('.recorded-runs tbody tr[data-source="disk"]');
    await expect(recorded.count()).resolves.toBe(1);
    await expect(recorded.first().getAttribute("data-state")).resolves.toBe("failed");
    const cells = await recorded.first().locator("td").allTextContents();
    expect(cells[1]).toBe("rate-limiting");
    expect(cells[2]).toContain("2.1 paused");
    expect(Number(cells[5]?.replace(/\D/g, ""))).toBeGreaterThan(0);
    await expect(recorded.first().locator("a.run-state").count()).resolves.toBe(0);
    await page.locator(".runs-table tbody tr").nth(1).locator("a.run-state").click();
    await page.waitForSelector('.run-view[data-state="cancelled"]');
  });

  it("charts the tokens of the runs over time and lists them per task and per spec", async () => {
    await page.goto(`${dashboard.origin}/#/costs`);
    await page.waitForSelector(".cost-chart canvas");
    const perTask = await page.locator(".cost-table").nth(1).locator("tbody tr").allTextContents();
    expect(perTask.some((row) => row.startsWith("calculator1.1"))).toBe(true);
    const perSpec = page.locator(".cost-table").first().locator("tbody tr");
    await expect(perSpec.first().locator("td").first().textContent()).resolves.toBe("calculator");
    const tokens = Number((await perSpec.first().locator("td").nth(1).textContent())?.replace(/[^0-9]/g, ""));
    expect(tokens).toBeGreaterThan(0);
    await saveScreenshot(page, "costs.png");
  });
});
