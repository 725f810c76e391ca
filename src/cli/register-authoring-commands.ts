import type { Command } from "commander";
import { type CommonOptions, withCommonOptions, withExamples } from "./common-options.js";
import { type ModelOptions, withEstimateOption, withModelOptions } from "./model-options.js";

/** Registers the authoring commands; their modules load only when one runs. */
export function registerAuthoringCommands(program: Command): void {
  registerPhaseCommands(program);
  registerSteerCommands(program);
}

/** `design`, `plan`, `requirements` (design-first) and `refine`: documents written and revised by a model. */
function registerPhaseCommands(program: Command): void {
  type PhaseCommandOptions = CommonOptions &
    ModelOptions & {
      yes?: boolean;
      force?: boolean;
      allRequired?: boolean;
      update?: boolean;
      prune?: boolean;
      waves?: boolean;
      dryRun?: boolean;
    };
  withExamples(
    withEstimateOption(
      withModelOptions(
        withCommonOptions(
          program
            .command("design")
            .argument("<spec>", "the spec")
            .description(
              "write design.md with a model from the approved requirements, the steering and the repository's installed dependencies and modules; checked before it is written",
            )
            .option("--yes", "approve requirements.md on the way instead of refusing")
            .option("--force", "write design.md anew when it exists")
            .option(
              "--update",
              "revise design.md from the requirements' changes since approval (specwright impact); diff shown, applied on confirmation or --yes",
            ),
        ),
      ),
    ),
    [
      ["specwright design rate-limiting", "needs approved requirements (specwright approve rate-limiting)"],
      ["specwright design rate-limiting --yes", "approve the requirements as they are, then write the design"],
      ["specwright design rate-limiting --verbose", "also show what steering and inventory went into the context"],
      ["specwright design rate-limiting --update", "carry the requirements' changes since approval into design.md"],
    ],
  ).action(async (spec: string, options: PhaseCommandOptions) =>
    (await import("./commands/design-command.js")).designCommand(spec, options),
  );

  withExamples(
    withEstimateOption(
      withModelOptions(
        withCommonOptions(
          program
            .command("plan")
            .argument("<spec>", "the spec")
            .description(
              "write tasks.md with a model: numbered tasks in dependency order, every criterion covered, optional test tasks, checkpoints",
            )
            .option("--all-required", "make no task optional (no `[ ]*` test tasks)")
            .option("--yes", "approve the earlier documents on the way instead of refusing")
            .option("--force", "write tasks.md anew when it exists")
            .option(
              "--update",
              "revise tasks.md from the requirements' changes since approval: done tasks kept, new ids after the existing ones; applied on confirmation or --yes",
            )
            .option("--prune", "with --update: let tasks whose every criterion was removed be deleted (default: kept)")
            .option(
              "--waves",
              "no model: write the waves of tasks.md as it is into tasks.meta.json (Kiro's format), e.g. after editing tasks.md by hand",
            )
            .option("--dry-run", "with --waves: print the waves, write nothing"),
        ),
      ),
    ),
    [
      ["specwright plan rate-limiting", "needs an approved design"],
      ["specwright plan rate-limiting --all-required --yes", "every task required; approve what is not yet"],
      ["specwright plan rate-limiting --update --yes", "add tasks for changed criteria, leave done ones alone"],
      ["specwright plan rate-limiting --waves", "refresh the waves in tasks.meta.json from tasks.md (no model)"],
      ["specwright plan rate-limiting --waves --dry-run --json", "the waves tasks.md gives, as JSON; nothing written"],
    ],
  ).action(async (spec: string, options: PhaseCommandOptions) =>
    (await import("./commands/plan-command.js")).planCommand(spec, options),
  );

  withExamples(
    withEstimateOption(
      withModelOptions(
        withCommonOptions(
          program
            .command("requirements")
            .argument("<spec>", "a design-first spec")
            .description(
              "design-first specs: write requirements.md (or bugfix.md) with a model from the approved design",
            )
            .option("--yes", "approve design.md on the way instead of refusing")
            .option("--force", "write the document anew when it exists"),
        ),
      ),
    ),
    [["specwright requirements search-index", "after specwright approve search-index design"]],
  ).action(async (spec: string, options: PhaseCommandOptions) =>
    (await import("./commands/design-command.js")).requirementsCommand(spec, options),
  );

  withExamples(
    withModelOptions(
      withCommonOptions(
        program
          .command("refine")
          .argument("<spec>", "the spec")
          .argument("<document>", "requirements, bugfix, design or tasks")
          .argument("<instruction>", "what to change, in your words")
          .description(
            "revise one document with a model as it is on disk now (manual edits kept): shows the diff, applies it on confirmation, resets that document's approval",
          )
          .option("--yes", "apply the revision without asking"),
      ),
    ),
    [
      ['specwright refine rate-limiting requirements "admin users are exempt"', "see the diff, confirm to apply"],
      ['specwright refine rate-limiting tasks "split task 2.1 in two" --yes', "apply without asking (scripts)"],
      ['specwright refine rate-limiting design "use ioredis" --json', "the diff and whether it was applied, as JSON"],
    ],
  ).action(
    async (
      spec: string,
      document: string,
      instruction: string,
      options: CommonOptions & ModelOptions & { yes?: boolean },
    ) => (await import("./commands/refine-command.js")).refineCommand(spec, document, instruction, options),
  );
}

/** `steer generate`: the steering files from an analysis of the repository. */
function registerSteerCommands(program: Command): void {
  const steer = program
    .command("steer")
    .description("steering files (.kiro/steering/): generate them, or add and update them by instruction");
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

  for (const action of ["add", "update"] as const) {
    withExamples(
      withModelOptions(
        withCommonOptions(
          steer
            .command(action)
            .argument("<instruction>", "what the agents should do, in your words")
            .description(
              action === "add"
                ? "create a steering file from an instruction, with the right inclusion (fileMatch for language rules); diff shown, written on a yes"
                : "edit an existing steering file by instruction; diff shown, written on a yes, never over a file changed meanwhile",
            )
            .option("--file <name>", "the steering file, e.g. typescript.md (default: the model's choice)")
            .option("--yes", "write without asking"),
        ),
      ),
      action === "add"
        ? [
            [
              'specwright steer add "follow TypeScript best practices and avoid any"',
              "creates e.g. typescript.md (fileMatch)",
            ],
            ['specwright steer add "how we write tests" --file testing.md --yes', "a topic guide, written at once"],
          ]
        : [['specwright steer update "we moved from npm to pnpm" --file tech.md', "edits tech.md, shows the diff"]],
    ).action(
      async (instruction: string, options: import("./commands/steer-instruction-command.js").SteerInstructionOptions) =>
        (await import("./commands/steer-instruction-command.js")).steerInstructionCommand(action, instruction, options),
    );
  }
}
