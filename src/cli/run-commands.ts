import { type Command, CommanderError } from "commander";
import { describeFailure, printFailure } from "./command-output.js";
import { escapeTerminalText } from "./escape-terminal-text.js";
import { EXIT_SUCCESS, EXIT_USAGE } from "./exit-codes.js";

/** Parses `argv` with `program` and runs the command; every failure ends as one clear report and an exit code. */
export async function runCommands(program: Command, argv: readonly string[]): Promise<void> {
  const json = argv.includes("--json");
  for (const command of allCommands(program)) {
    command.exitOverride();
    // With --json the one document on stdout is the whole report; commander's own text would break it.
    if (json) command.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
    else command.configureOutput({ outputError: (text, write) => write(escapeTerminalText(text)) });
  }
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (!(error instanceof CommanderError)) {
      // Whatever escaped a command (a module that failed to load, a bug) still gets one clear report.
      const failure = describeFailure(error);
      if (process.env.SPECWRIGHT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? error}\n`);
      printFailure(failure, json);
      process.exitCode = failure.exitCode;
      return;
    }
    if (
      error.code === "commander.helpDisplayed" ||
      error.code === "commander.version" ||
      error.code === "commander.help"
    ) {
      process.exitCode = EXIT_SUCCESS;
      return;
    }
    const dashed = dashedNameHint(error, argv);
    if (json) {
      printFailure(
        {
          code: "usage",
          message: error.message.replace(/^error: /, ""),
          fix: dashed ?? "Run the command with --help for its options and examples.",
          exitCode: EXIT_USAGE,
        },
        true,
      );
    } else if (dashed !== undefined) {
      process.stderr.write(`${escapeTerminalText(dashed)}\n`);
    }
    process.exitCode = EXIT_USAGE;
  }
}

/**
 * For an unknown option that is really a name starting with `-` (a spec folder called `-rf`): how to pass it.
 * Commander reads anything after `--` as an argument.
 */
function dashedNameHint(error: CommanderError, argv: readonly string[]): string | undefined {
  if (error.code !== "commander.unknownOption") return undefined;
  const option = /'([^']+)'/.exec(error.message)?.[1];
  if (option === undefined || !argv.includes(option)) return undefined;
  const words = argv.slice(2, argv.indexOf(option)).filter((word) => !word.startsWith("-"));
  const example = ["specwright", ...words, "[options]", "--", option, "…"].join(" ");
  return `If ${option} is a name (a spec folder, a task), pass it after --, with every option before the --: ${example}`;
}

/** The command and every command below it (`mcp install`, `steer generate`), depth first. */
function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}
