import { type Command, Option } from "commander";
import { withCommonOptions, withExamples } from "./common-options.js";
import { withEstimateOption, withModelOptions } from "./model-options.js";

/** Registers the run commands; their modules load only when one runs. */
export function registerRunCommands(program: Command): void {
  registerRunCommand(program);
  registerCheckpointCommands(program);
}

/** `run`: the agent implements tasks; only a passing verification checks one off. */
function registerRunCommand(program: Command): void {
  withExamples(
    withModelOptions(
      withCommonOptions(
        withEstimateOption(program.command("run"))
          .argument("<spec>", "the spec")
          .description("implement tasks with the agent; a task is checked off only when the tests pass")
          .option("--task <id...>", "the tasks to run (a parent stands for its sub-tasks); default: the next one")
          .option("--all", "every task not done yet, in order")
          .addOption(
            new Option("--mode <mode>", "supervised pauses to review each change (default: autopilot)").choices([
              "autopilot",
              "supervised",
            ]),
          )
          .option("--continue-on-failure", "go on with the next task when one fails (default: stop)")
          .option("--include-optional", "run optional (*) tasks too")
          .option(
            "--max-steps <n>",
            "model steps per task and repair round (default: settings agent.maxSteps, else 40)",
          )
          .option("--resume", "go on with tasks an interrupted run left [-] or [~]")
          .option("--reset", "put tasks an interrupted run left [-] or [~] back to [ ] first")
          .option(
            "--reverify",
            "run the tests again for done tasks whose criteria changed since approval (or --task ones); no model call",
          )
          .option("--parallel <n>", "run independent tasks of each wave at once, each in its own git worktree")
          .option("--dry-run", "print the waves the run would go through, and run nothing")
          .option("--answer <id=text...>", "answer a question of a paused task (the agent's ask_user), then resume it")
          .option("--answers <file>", "answers to paused tasks' questions, YAML: question id: answer"),
      ),
    ),
    [
      ["specwright run rate-limiting", "the next task: agent, then the tests; [x] only if they pass"],
      ["specwright run rate-limiting --task 2.1 2.2", "these tasks, in order"],
      ["specwright run rate-limiting --all --continue-on-failure", "everything left, past failures"],
      ["specwright run rate-limiting --mode supervised", "review each change file by file (needs a terminal)"],
      ["specwright run rate-limiting --resume", "after a crash: go on with the interrupted tasks"],
      ["specwright run rate-limiting --all --json", "a stream of JSON events, one per line"],
      ["specwright run rate-limiting --reverify", "re-run the verification of done tasks `impact` flags"],
      ["specwright run rate-limiting --all --parallel 3 --dry-run", "the waves: which tasks would run together"],
      ["specwright run rate-limiting --all --parallel 3", "up to 3 agents at once, each task in its own worktree"],
      ["specwright run rate-limiting --all --estimate", "each task's expected tokens and cost, and the sum; no call"],
    ],
  ).action(async (spec: string, options: import("./commands/run-command.js").RunCommandOptions) =>
    (await import("./commands/run-command.js")).runTasksCommand(spec, options),
  );
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
