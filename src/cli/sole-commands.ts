import { Command, Option } from "commander";
import { type CommonOptions, withCommonOptions, withExamples } from "./common-options.js";

/** The program with no command yet: its name, description, version and help settings. */
export function newProgram(version: string): Command {
  return new Command("specwright")
    .description("Spec-driven development on Kiro's .kiro/ files: requirements, design, tasks.")
    .version(version, "-V, --version", "print the version")
    .showHelpAfterError("(run with --help for usage and examples)")
    .configureHelp({ sortSubcommands: false });
}

/** The commands that run often (CI, editors, scripts) and need no other command defined. */
export type SoleCommand = "check" | "status";

/** `program` with `check` or `status` alone registered. */
export function withSoleCommand(program: Command, command: SoleCommand, version: string): Command {
  if (command === "check") registerCheckCommand(program, version);
  else registerStatusCommand(program);
  return program;
}

export function registerCheckCommand(program: Command, version: string): void {
  withExamples(
    withCommonOptions(
      program
        .command("check")
        .argument("[paths...]", "files or folders to report on (default: the whole workspace)")
        .description("check specs, steering, hooks and settings: EARS form, structure, traceability (the CI gate)")
        .addOption(new Option("--format <format>", "output format").choices(["text", "json", "sarif"]).default("text"))
        .option("--strict", "exit 1 on warnings too, not only errors")
        .option("--list-rules", "list every rule with its id, severity and summary")
        .option("--no-cache", "check every spec again instead of reusing results of unchanged ones"),
    ),
    [
      ["specwright check", "check the whole workspace; exit 1 on errors"],
      ["specwright check --strict", "also fail on warnings (for CI)"],
      ["specwright check .kiro/specs/rate-limiting", "report on one spec only"],
      ["specwright check --format sarif > check.sarif", "for GitHub code scanning"],
      ["specwright check --list-rules", "the rules; turn one off in .kiro/settings/specwright.json"],
    ],
  ).action(
    async (
      paths: string[],
      options: CommonOptions & {
        format?: "text" | "json" | "sarif";
        strict?: boolean;
        listRules?: boolean;
        cache?: boolean;
      },
    ) => (await import("./commands/check-command.js")).checkCommand(paths, options, version),
  );
}

export function registerStatusCommand(program: Command): void {
  withExamples(
    withCommonOptions(
      program
        .command("status")
        .argument("[spec]", "one spec (default: all)")
        .description("show each spec's phases and task progress (required and optional apart)")
        .option("--no-cache", "read every tasks.md again instead of reusing counts of unchanged ones"),
    ),
    [
      ["specwright status", "progress of every spec"],
      ["specwright status rate-limiting", "one spec"],
      ["specwright status --json", "machine-readable"],
    ],
  ).action(async (spec: string | undefined, options: CommonOptions & { cache?: boolean }) =>
    (await import("./commands/status-command.js")).statusCommand(spec, options),
  );
}
