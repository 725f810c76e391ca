import type { Command } from "commander";
import { withCommonOptions, withExamples } from "./common-options.js";

/** Registers the run commands; their modules load only when one runs. */
export function registerRunCommands(program: Command): void {
  registerCheckpointCommands(program);
}

/** `diff` and `revert`: what a task run changed, and undoing it, from the task's checkpoints in git. */
function registerCheckpointCommands(program: Command): void {
  withExamples(
    withCommonOptions(
      program
        .command("diff")
        .argument("<spec>", "the spec")
        .requiredOption("--task <id>", "the task id, e.g. 2.1")
        .option("--stat", "only the files, with lines added and removed")
        .description("show what a task changed: every file between its before and after checkpoints"),
    ),
    [
      ["specwright diff rate-limiting --task 2.1", "the task's unified diff, shell-made changes included"],
      ["specwright diff rate-limiting --task 2.1 --stat", "files added, modified, deleted, with line counts"],
      ["specwright diff rate-limiting --task 2.1 --json", "the same, with the diff text, as one JSON document"],
    ],
  ).action(async (spec: string, options: { task: string; stat?: boolean; root?: string; json?: boolean }) =>
    (await import("./commands/diff-command.js")).diffCommand(spec, options),
  );

  withExamples(
    withCommonOptions(
      program
        .command("revert")
        .argument("<spec>", "the spec")
        .requiredOption("--task <id>", "the task id, e.g. 2.1")
        .option("--force", "revert even files changed again since the task")
        .description("put the files a task changed back as they were before it; other files stay as they are"),
    ),
    [
      ["specwright revert rate-limiting --task 2.1", "undo task 2.1 (refused if its files changed since)"],
      ["specwright revert rate-limiting --task 2.1 --force", "undo it anyway; the tree before is kept as a checkpoint"],
    ],
  ).action(async (spec: string, options: { task: string; force?: boolean; root?: string; json?: boolean }) =>
    (await import("./commands/revert-command.js")).revertCommand(spec, options),
  );
}
