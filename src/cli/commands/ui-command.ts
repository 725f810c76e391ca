import { spawn } from "node:child_process";
import type { ModelEvent } from "../../engine/llm/model-session.js";
import { runCommand } from "../command-output.js";
import { type ModelOptions, openModelSession } from "../model-options.js";

export interface UiCommandOptions extends ModelOptions {
  readonly root?: readonly string[];
  readonly port?: number;
  readonly open?: boolean;
  readonly json?: boolean;
}

const log = (message: string) => {
  process.stderr.write(`${message}\n`);
};

/**
 * `specwright ui`: serves the dashboard on 127.0.0.1 until SIGINT or SIGTERM, which cancel the active runs
 * (their tasks go back to `[ ]`) and end with exit code 0.
 */
export async function uiCommand(options: UiCommandOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const [{ resolveDashboardRoots }, { serveDashboard }] = await Promise.all([
      import("../../engine/dashboard/dashboard-roots.js"),
      import("../../ui/server/serve-dashboard.js"),
    ]);
    const roots = await resolveDashboardRoots(process.cwd(), options.root ?? []);
    const serving = await serveDashboard({
      roots,
      log,
      prewarm: true,
      ...(options.port === undefined ? {} : { port: options.port }),
      budget: budgetOf(options),
      // Each run gets the session `specwright run` would open, its model events going to the page.
      openSession: (root: string, onEvent: (event: ModelEvent) => void) =>
        openModelSession({ ...options, estimate: false }, { root, command: "run", onProgress: onEvent }),
    });
    // Listening for the signals before the URL is printed: whoever reads it may stop the server at once.
    const stopped = new Promise<string>((resolve) => {
      process.once("SIGINT", () => resolve("SIGINT"));
      process.once("SIGTERM", () => resolve("SIGTERM"));
    });
    if (options.json === true) process.stdout.write(`${JSON.stringify({ url: serving.url, port: serving.port })}\n`);
    else {
      process.stdout.write(`Specwright dashboard: ${serving.url}\n`);
      log(
        `Serving ${roots.map((root) => root.path).join(", ")} on 127.0.0.1 only; the token changes at each start. Stop with Ctrl-C.`,
      );
    }
    if (options.open === true) openInBrowser(serving.url);
    const signal = await stopped;
    if (options.json !== true) log(`specwright ui: ${signal}, stopping (active runs are cancelled)`);
    await serving.close();
    return undefined;
  });
}

/**
 * The flags' limits, shown as a run's budget. A malformed one is left out here: opening the run's session
 * refuses it with its fix, which is the answer the page gets.
 */
function budgetOf(options: ModelOptions): { maxTokens?: number; maxCost?: number } {
  const maxTokens = Number(options.maxTokens);
  const maxCost = Number(options.maxCost?.replace(/^\$/, ""));
  return {
    ...(Number.isFinite(maxTokens) && maxTokens > 0 ? { maxTokens } : {}),
    ...(Number.isFinite(maxCost) && maxCost > 0 ? { maxCost } : {}),
  };
}

/** The platform's opener, detached; when there is none the printed URL is all there is. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", "", url]]
        : ["xdg-open", [url]];
  try {
    const child = spawn(command, args as string[], { detached: true, stdio: "ignore" });
    child.on("error", () => log(`specwright ui: could not run ${command}; open the URL above in a browser.`));
    child.unref();
  } catch {
    log(`specwright ui: could not run ${command}; open the URL above in a browser.`);
  }
}
