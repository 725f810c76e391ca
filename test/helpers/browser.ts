import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { createTempDirectory, removeTempDirectory } from "./temp-dir.js";

/** Where a Chromium-family browser usually is; CI installs Debian's `/usr/bin/chromium`. */
const knownBrowserPaths = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];
const browserCommands = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser the tests drive: `SPECWRIGHT_CHROMIUM`, else a Chromium or Chrome found on the machine.
 * playwright-core downloads no browser of its own, so a machine without one fails loudly with how to get one
 * rather than skipping the dashboard's browser tests.
 */
export function findChromium(): string {
  const chosen = process.env.SPECWRIGHT_CHROMIUM;
  if (chosen !== undefined && chosen !== "") return chosen;
  const onPath = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((folder) => folder !== "")
    .flatMap((folder) => browserCommands.map((command) => join(folder, command)));
  const found = [...knownBrowserPaths, ...onPath].find(isExecutable);
  if (found !== undefined) return found;
  throw new Error(
    "The dashboard's browser tests need Chromium or Google Chrome, and none was found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: Google Chrome or `brew install --cask chromium`), or set SPECWRIGHT_CHROMIUM to its executable.",
  );
}

/** Flags that keep the browser off the network and quiet: a test never reaches the internet. */
export const chromiumArguments = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A running Chromium with a fresh profile; `close()` stops it and removes the profile. */
export interface TestBrowser {
  readonly context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium with its own temporary user-data-dir, so no cookie or cache carries over between tests. */
export async function launchTestBrowser(): Promise<TestBrowser> {
  const profile = await createTempDirectory("specwright-chromium-");
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: chromiumArguments,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await removeTempDirectory(profile);
    },
  };
}

/** A plain (non-persistent) launch, for scripts that open a fresh context per measurement. */
export async function launchPlainBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: chromiumArguments });
}
