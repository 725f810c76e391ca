import { type Command, Option } from "commander";
import type { UiCommandOptions } from "./commands/ui-command.js";
import { withExamples } from "./common-options.js";
import { withModelOptions } from "./model-options.js";
import { parsePort } from "./register-mcp-commands.js";

/** Registers `specwright ui`; the server loads only when it runs. */
export function registerUiCommand(program: Command): void {
  withExamples(
    withModelOptions(
      program
        .command("ui")
        .description("serve the dashboard on 127.0.0.1: board, specs, approvals, runs, diffs and costs")
        .addOption(new Option("--port <port>", "the port (default: a free one)").argParser(parsePort))
        .option("--open", "open the dashboard in the default browser")
        .option(
          "--root <dir>",
          "a folder that holds .kiro/; repeat it to show several side by side (default: the nearest one)",
          (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
        )
        .option("--json", 'print {"url","port"} on one line instead of the text'),
    ),
    [
      ["specwright ui", "a free port; open the printed URL (it carries the token once)"],
      ["specwright ui --open --port 7420", "a fixed port, opened in the browser"],
      ["specwright ui --root packages/api --root packages/web", "two workspaces side by side"],
    ],
  ).action(async (options: UiCommandOptions) => (await import("./commands/ui-command.js")).uiCommand(options));
}
