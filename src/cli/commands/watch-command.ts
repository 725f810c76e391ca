import type { WatchEvent } from "../../engine/hooks/watch-events.js";
import { runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_SUCCESS } from "../exit-codes.js";
import { detectTerminal, paint, type Terminal } from "../terminal.js";

export interface WatchCommandOptions extends CommonOptions {
  readonly debounce?: string;
}

/**
 * `specwright watch`: runs file hooks until Ctrl-C or SIGTERM, which stop it and the hooks it started.
 * With --json, one JSON object per line per event (a long-running command's stream, like `run --json`).
 */
export async function watchCommand(options: WatchCommandOptions): Promise<void> {
  const json = options.json === true;
  await runCommand(json, async () => {
    const [{ loadHookContext }, { watchHooks }, { resolveWorkspaceRoot }] = await Promise.all([
      import("../../engine/hooks/load-hook-context.js"),
      import("../../engine/hooks/watch-hooks.js"),
      import("../../engine/workspace-model/workspace-context.js"),
    ]);
    const root = await resolveWorkspaceRoot({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) });
    const context = await loadHookContext(root);
    const debounceMs = options.debounce === undefined ? undefined : Number(options.debounce);
    const terminal = detectTerminal();
    const watcher = watchHooks(context, {
      ...(debounceMs !== undefined && Number.isFinite(debounceMs) && debounceMs >= 0 ? { debounceMs } : {}),
      emit: (event) => {
        if (json) process.stdout.write(`${JSON.stringify(event)}\n`);
        else {
          const line = formatWatchEvent(event, terminal);
          if (line !== undefined) process.stdout.write(`${line}\n`);
        }
      },
    });
    await watcher.ready;
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        void watcher.stop().then(resolve);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    return EXIT_SUCCESS;
  });
}

function formatWatchEvent(event: WatchEvent, terminal: Terminal): string | undefined {
  switch (event.type) {
    case "ready":
      return `watching ${event.files} files in ${event.folders} folders for ${event.hooks} file hooks (Ctrl-C stops)`;
    case "change":
      return undefined;
    case "hook-start":
      return paint(terminal, "dim", `▶ ${event.hook} (${event.change} ${event.file})`);
    case "hook-queued":
      return paint(terminal, "dim", `… ${event.hook} queued once more (${event.file} changed during its run)`);
    case "hook-end": {
      const { result } = event;
      const status =
        result.verdict.kind === "ok" ? paint(terminal, "green", "ok") : paint(terminal, "red", result.verdict.kind);
      const reason = result.verdict.kind === "ok" ? "" : `: ${result.verdict.reason}`;
      return `${status} ${result.hook} in ${result.durationMs} ms${reason}`;
    }
    case "hook-loop":
      return paint(
        terminal,
        "red",
        `■ ${event.hook} stopped: its ${event.runs} runs in a row each changed files that trigger it (${event.files.join(", ")})`,
      );
    case "error":
      return `${paint(terminal, "red", "error")} ${event.message} (${event.fix})`;
    case "stopped":
      return "stopped";
  }
}
