import type { Command } from "commander";
import { type CommonOptions, withCommonOptions, withExamples } from "./common-options.js";

/** Registers the living-spec commands (impact, drift, git-hooks, sync); their modules load only when one runs. */
export function registerLivingCommands(program: Command): void {
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
