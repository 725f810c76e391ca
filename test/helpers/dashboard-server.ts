import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { resolveDashboardRoots } from "../../src/engine/dashboard/dashboard-roots.js";
import { openWorkspaceModelSession } from "../../src/engine/llm/open-workspace-model-session.js";
import { type DashboardServing, serveDashboard } from "../../src/ui/server/serve-dashboard.js";
import { launchTestBrowser, type TestBrowser } from "./browser.js";

export interface TestDashboardOptions {
  /** The workspaces shown side by side, in order (as `--root`). */
  readonly roots: readonly string[];
  /** The fake OpenAI-compatible server's base URL, for runs started from the page. */
  readonly modelUrl?: string;
  /** Shorter than the default, so a test sees an edit on disk quickly (still the real watcher). */
  readonly changeDebounceMs?: number;
}

/**
 * The dashboard's real server on 127.0.0.1, serving the built page from dist/dashboard/ (so `npm run build`
 * must have run), with runs resolved as `specwright run --model openai-compatible:test` would resolve them.
 */
export async function startTestDashboard(options: TestDashboardOptions): Promise<DashboardServing> {
  const roots = await resolveDashboardRoots(options.roots[0] ?? process.cwd(), options.roots);
  const env = {
    ...process.env,
    SPECWRIGHT_MODEL: "openai-compatible:test",
    SPECWRIGHT_BASE_URL: options.modelUrl ?? "http://127.0.0.1:9/v1",
  };
  return serveDashboard({
    roots,
    // The server logs only what went wrong (a watcher that stopped): worth seeing in a failing test.
    log: (message) => console.error(message),
    changeDebounceMs: options.changeDebounceMs ?? 100,
    openSession: (root, onEvent) => openWorkspaceModelSession({ root, command: "run", env, onEvent }),
  });
}

/** Opens the token URL as a user would: the server sets the cookie and redirects to the board. */
export async function openDashboard(page: Page, dashboard: DashboardServing): Promise<void> {
  await page.goto(dashboard.url);
  await page.waitForSelector(".app-header");
}

/** The dashboard served for some roots and open in a fresh Chromium, as a reviewer has it in front of them. */
export interface DashboardInBrowser {
  readonly dashboard: DashboardServing;
  readonly page: Page;
  /** Stops the browser, then the server. */
  close(): Promise<void>;
}

/** Starts the server, launches Chromium and opens the token URL; whatever started is stopped on a failure. */
export async function openDashboardInBrowser(options: TestDashboardOptions): Promise<DashboardInBrowser> {
  const dashboard = await startTestDashboard(options);
  let browser: TestBrowser | undefined;
  const close = async () => {
    await browser?.close();
    await dashboard.close();
  };
  try {
    browser = await launchTestBrowser();
    const page = await browser.newPage();
    await openDashboard(page, dashboard);
    return { dashboard, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Screenshots go to the gitignored `test-output/screenshots/`, to be looked at after a run. */
const screenshotFolder = join(import.meta.dirname, "..", "..", "test-output", "screenshots");

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotFolder, { recursive: true });
  await page.screenshot({ path: join(screenshotFolder, name), fullPage: true });
}
