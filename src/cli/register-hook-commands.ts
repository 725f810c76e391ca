import type { Command } from "commander";
import { type CommonOptions, withCommonOptions, withExamples } from "./common-options.js";
import { withModelOptions } from "./model-options.js";

/** `hook list|run|test` and `watch`: Kiro's hooks, run by Specwright; modules load only when one runs. */
export function registerHookCommands(program: Command): void {
  const hook = program.command("hook").description("list, run and test the hooks of .kiro/hooks/ (both Kiro formats)");
  withExamples(
    withCommonOptions(hook.command("list").description("each hook: trigger, event, matcher, action, enabled")),
    [
      ["specwright hook list", "what exists and when it runs"],
      ["specwright hook list --json", "the same as one JSON document"],
    ],
  ).action(async (options: CommonOptions) => (await import("./commands/hook-command.js")).hookListCommand(options));

  withExamples(
    withModelOptions(
      withCommonOptions(
        hook
          .command("run")
          .argument("<name>", "the hook's name")
          .option("--file <path>", "run it as if this file was saved (else as the manual trigger)")
          .description("run one hook now, in the agent's sandbox, and record the run"),
      ),
    ),
    [
      ["specwright hook run lint-on-save --file src/a.ts", "as if src/a.ts was saved"],
      ["specwright hook run update-docs", "as the manual trigger"],
    ],
  ).action(async (name: string, options: import("./commands/hook-command.js").HookCommandOptions) =>
    (await import("./commands/hook-command.js")).hookRunCommand(name, options),
  );

  withExamples(
    withCommonOptions(
      hook
        .command("test")
        .argument("<name>", "the hook's name")
        .option("--file <path>", "the file of the event, as if it was saved")
        .description("show what a hook would do and its payload, without running it"),
    ),
    [
      ["specwright hook test lint-on-save --file src/a.ts", "the command, the matcher's verdict, stdin and variables"],
      ["specwright hook test lint-on-save --json", "the same as one JSON document"],
    ],
  ).action(async (name: string, options: import("./commands/hook-command.js").HookCommandOptions) =>
    (await import("./commands/hook-command.js")).hookTestCommand(name, options),
  );

  withExamples(
    withCommonOptions(
      program
        .command("watch")
        .option("--debounce <ms>", "a burst of writes closer together than this is one change (default 150)")
        .description("run file hooks as files are created, saved and deleted, until Ctrl-C"),
    ),
    [
      ["specwright watch", "a line per hook run"],
      ["specwright watch --json", "one JSON object per event"],
    ],
  ).action(async (options: import("./commands/watch-command.js").WatchCommandOptions) =>
    (await import("./commands/watch-command.js")).watchCommand(options),
  );
}
