import { type Command, Option } from "commander";
import { type CommonOptions, withCommonOptions, withExamples } from "./common-options.js";

/** Registers the living-spec commands (impact, drift, git-hooks, sync); their modules load only when one runs. */
export function registerLivingCommands(program: Command, version: string): void {
  withExamples(
    withCommonOptions(
      program
        .command("drift")
        .argument("[spec]", "one spec (default: all)")
        .description(
          "code → spec drift: done tasks' files changed again since verified; with --base, code a spec owns changed without a spec update",
        )
        .option("--base <ref>", "a pull request's base (origin/main, @{upstream}): also check base..HEAD")
        .addOption(new Option("--format <format>", "output format").choices(["text", "json", "sarif"]).default("text")),
    ),
    [
      ["specwright drift", "every done task whose files a later commit changed"],
      ["specwright drift checkout --json", "one spec, as JSON"],
      ["specwright drift --base origin/main --format sarif > drift.sarif", "the CI check, for code scanning"],
    ],
  ).action(async (spec: string | undefined, options: import("./commands/drift-command.js").DriftCommandOptions) =>
    (await import("./commands/drift-command.js")).driftCommand(spec, options, version),
  );

  withExamples(
    withCommonOptions(
      program
        .command("impact")
        .argument("<spec>", "the spec")
        .description(
          "what changed in a spec's documents since each was approved, and the design, tasks and code files it touches",
        ),
    ),
    [
      ["specwright impact checkout", "criteria added, removed, reworded; done tasks to re-verify"],
      ["specwright impact checkout --json", "the same as one JSON document"],
    ],
  ).action(async (spec: string, options: CommonOptions) =>
    (await import("./commands/impact-command.js")).impactCommand(spec, options),
  );
}
