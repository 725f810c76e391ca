import type { Command } from "commander";
import { type CommonOptions, withCommonOptions, withExamples } from "./common-options.js";
import { type ModelOptions, withModelOptions } from "./model-options.js";

/** Registers the authoring commands; their modules load only when one runs. */
export function registerAuthoringCommands(program: Command): void {
  registerSteerCommands(program);
}

/** `steer generate`: the steering files from an analysis of the repository. */
function registerSteerCommands(program: Command): void {
  const steer = program.command("steer").description("generate steering files (.kiro/steering/) for the repository");
  withExamples(
    withModelOptions(
      withCommonOptions(
        steer
          .command("generate")
          .description(
            "write product.md, tech.md and structure.md from the repository (README, manifests, installed dependencies, modules); existing files are skipped",
          )
          .option("--force", "replace steering files that exist")
          .option("--only <files>", "only these, comma-separated: product, tech, structure"),
      ),
    ),
    [
      ["specwright steer generate", "write the three files that do not exist yet"],
      ["specwright steer generate --force --only tech", "regenerate tech.md after an upgrade"],
      ["specwright steer generate --model openai-compatible:qwen3-coder", "with a local model (SPECWRIGHT_BASE_URL)"],
      ["specwright steer generate --json", "the outcome per file and the usage as JSON"],
    ],
  ).action(async (options: CommonOptions & ModelOptions & { force?: boolean; only?: string }) =>
    (await import("./commands/steer-command.js")).steerGenerateCommand(options),
  );
}
