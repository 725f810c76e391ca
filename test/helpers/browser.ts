import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { createTempDirectory, removeTempDirectory } from "./temp-dir.js";

/** Debian's Chromium, which CI installs; playwright-core downloads no browser of its own. */
export const chromiumPath = "/usr/bin/chromium";

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
    executablePath: chromiumPath,
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
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArguments });
}
