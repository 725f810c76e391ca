import { type Command, Option } from "commander";
import { TASK_STATUSES } from "../model/tasks/task-types.js";
import { type CommonOptions, withCommonOptions, withExamples } from "./common-options.js";
import { withEstimateOption, withModelOptions } from "./model-options.js";
import { registerApprovalCommands } from "./register-approval-commands.js";
import { registerAuthoringCommands } from "./register-authoring-commands.js";
import { registerCiCommands } from "./register-ci-commands.js";
import { registerHookCommands } from "./register-hook-commands.js";
import { registerLivingCommands } from "./register-living-commands.js";
import { registerMcpCommands } from "./register-mcp-commands.js";
import { registerRunCommands } from "./register-run-commands.js";
import { registerUiCommand } from "./register-ui-command.js";
import { runCommands } from "./run-commands.js";
import { newProgram, registerCheckCommand, registerStatusCommand } from "./sole-commands.js";

/**
 * Builds the whole command tree; each command's module is loaded only when that command runs. `check` and
 * `status` alone run from `runSoleCommand` (main.ts chooses), with the same definitions (`sole-commands.ts`).
 */
export function buildProgram(version: string): Command {
  const program = newProgram(version);
  registerCheckCommand(program, version);

  withExamples(
    withCommonOptions(
      program
        .command("doctor")
        .description("check node, git, the OS sandbox of the agent's commands and the model configuration"),
    ),
    [
      ["specwright doctor", "which sandbox is in force, and whether autopilot runs may start"],
      ["specwright doctor --json", "the same as one JSON document"],
    ],
  ).action(async (options: CommonOptions) => (await import("./commands/doctor-command.js")).doctorCommand(options));

  withExamples(
    withCommonOptions(program.command("list").description("list the specs, their type and which documents exist")),
    [
      ["specwright list", "a table of the specs"],
      ["specwright list --json", "the same as one JSON document"],
    ],
  ).action(async (options: CommonOptions) => (await import("./commands/list-command.js")).listCommand(options));

  registerStatusCommand(program);

  withExamples(
    withCommonOptions(
      program
        .command("export")
        .argument("<spec>", "the spec to export")
        .description("print a spec's parsed model (requirements, criteria, design properties, tasks) as JSON"),
    ),
    [["specwright export rate-limiting --json", "the model; its shape is documented in docs/export-json.md"]],
  ).action(async (spec: string, options: CommonOptions) =>
    (await import("./commands/export-command.js")).exportCommand(spec, options),
  );

  withExamples(
    withCommonOptions(
      program
        .command("trace")
        .argument("<spec>", "the spec")
        .description("the traceability matrix: criterion → tasks (with status) → design properties, uncovered first")
        .option("--markdown", "a Markdown table, for pasting into a pull request"),
    ),
    [
      ["specwright trace rate-limiting", "which task covers which criterion"],
      ["specwright trace rate-limiting --markdown", "the same as a Markdown table"],
      ["specwright trace rate-limiting --json", "machine-readable"],
    ],
  ).action(async (spec: string, options: CommonOptions & { markdown?: boolean }) =>
    (await import("./commands/trace-command.js")).traceCommand(spec, options),
  );

  withExamples(
    withCommonOptions(
      program
        .command("task")
        .argument("<spec>", "the spec")
        .argument("<id>", "the task id, e.g. 2.1")
        .description("change one task's status or optional mark, in place (locked, atomic, one byte)")
        .addOption(new Option("--status <status>", "the new status").choices(TASK_STATUSES))
        .addOption(new Option("--optional <on|off>", "mark the task optional or required").choices(["on", "off"])),
    ),
    [
      ["specwright task rate-limiting 2.1 --status done", "check a task off"],
      ["specwright task rate-limiting 3 --status in-progress", "mark it started ([-])"],
      ["specwright task rate-limiting 2.2 --optional off", "make an optional task required"],
    ],
  ).action(async (spec: string, id: string, options: CommonOptions & { status?: string; optional?: string }) =>
    (await import("./commands/task-command.js")).taskCommand(spec, id, options),
  );

  withExamples(
    withCommonOptions(
      program
        .command("init")
        .description(
          "set up .kiro/: steering files (product, tech, structure) filled from the repository, and settings; never overwrites",
        ),
    ),
    [
      ["specwright init", "in the project's root folder; existing files are kept and reported as skipped"],
      ["specwright init --root ../other-project", "set up another project"],
      ["specwright init --json", "what was created and skipped, as one JSON document"],
    ],
  ).action(async (options: CommonOptions) => (await import("./commands/init-command.js")).initCommand(options));

  withExamples(
    withEstimateOption(
      withModelOptions(
        withCommonOptions(
          program
            .command("new")
            .argument("<name>", "the spec's kebab-case name, e.g. rate-limiting")
            .argument("[prompt]", "what the feature (or bug) is; with it a model writes the first document")
            .description(
              "create .kiro/specs/<name>/: templates to fill in (offline), or with a prompt the model's clarifying questions and a checked requirements.md",
            )
            .addOption(
              new Option("--type <type>", "what the spec is for (default: feature)").choices(["feature", "bugfix"]),
            )
            .addOption(
              new Option("--workflow <workflow>", "which document comes first (default: requirements-first)").choices([
                "requirements-first",
                "design-first",
              ]),
            )
            .option("--answers <file>", "answers to the clarifying questions, YAML: question id (or text): answer")
            .option("--yes", "take the suggested answer of every question not answered otherwise")
            .option("--no-questions", "skip the clarifying questions: write the document from the prompt alone")
            .option("--force", "write the first document of an existing spec anew")
            .option(
              "--quick",
              "small features: design and tasks too in one pass, each checked, then all three approved",
            )
            .option(
              "--from-code <paths...>",
              "an as-built spec of existing code: requirements citing their _Source:_, design from the real imports, tasks for the gaps",
            ),
        ),
      ),
    ),
    [
      ["specwright new rate-limiting", "offline: requirements.md, design.md, tasks.md templates"],
      [
        'specwright new rate-limiting "100 requests per minute per user, 429 with Retry-After"',
        "the model asks, then writes requirements.md",
      ],
      ['specwright new rate-limiting "…" --answers answers.yaml', "answers from a file (id: answer), for scripts"],
      [
        'specwright new login-crash "saving twice loses the first save" --type bugfix --yes',
        "bugfix.md, suggested answers",
      ],
      ['specwright new rate-limiting "…" --no-questions', "no clarifying questions (small local models)"],
      ["specwright new search-index --workflow design-first", "start from design.md"],
      ['specwright new rate-limiting "…" --quick --yes', "requirements, design and tasks, approved in one step"],
      ['specwright new rate-limiting "…" --estimate', "the tokens and cost of the questions and the document, no call"],
      ["specwright new users-api --from-code src/routes src/store.js --yes", "an as-built spec of the code, approved"],
    ],
  ).action(
    async (
      name: string,
      prompt: string | undefined,
      options: CommonOptions & {
        type?: "feature" | "bugfix";
        workflow?: "requirements-first" | "design-first";
        answers?: string;
        yes?: boolean;
        force?: boolean;
      },
    ) => (await import("./commands/new-command.js")).newCommand(name, prompt, options),
  );

  withExamples(
    withModelOptions(
      withCommonOptions(
        program
          .command("analyze")
          .argument("<spec>", "the spec to review")
          .description(
            "review a spec: env vars, secrets, migrations, registrations, dependencies it implies; with a model, its requirements' gaps",
          )
          .addOption(
            new Option("--format <format>", "output format").choices(["text", "json", "sarif"]).default("text"),
          )
          .option("--no-model", "the deterministic notes only, even with a model configured"),
      ),
    ),
    [
      ["specwright analyze billing", "what the feature needs outside its code, then the model's findings"],
      ["specwright analyze billing --no-model --json", "the notes only, as one JSON document"],
      ["specwright analyze billing --format sarif > analysis.sarif", "for code scanning"],
    ],
  ).action(async (spec: string, options: Record<string, unknown>) => {
    const { model, ...rest } = options;
    // commander folds --model and --no-model into one "model" key: a string is a choice, false means none.
    const useModel = model !== false;
    await (await import("./commands/analyze-command.js")).analyzeCommand(
      spec,
      { ...rest, ...(typeof model === "string" ? { model } : {}), useModel },
      version,
    );
  });

  registerAuthoringCommands(program);
  registerApprovalCommands(program);
  registerRunCommands(program);
  registerMcpCommands(program);
  registerLivingCommands(program, version);
  registerCiCommands(program);
  registerHookCommands(program);
  registerUiCommand(program);
  return program;
}

/** Runs any command with the whole program. */
export async function runProgram(argv: readonly string[], version: string): Promise<void> {
  await runCommands(buildProgram(version), argv);
}
