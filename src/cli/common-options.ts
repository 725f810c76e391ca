import type { Command } from "commander";

/** Options every workspace command takes. */
export interface CommonOptions {
  readonly root?: string;
  readonly json?: boolean;
}

export function withCommonOptions(command: Command): Command {
  return command
    .option("--root <dir>", "the folder that holds .kiro/ (default: the nearest one above the current folder)")
    .option("--json", "print exactly one JSON document, failures included");
}

/** Examples shown at the end of a command's --help. */
export function withExamples(command: Command, examples: readonly (readonly [string, string])[]): Command {
  const width = Math.max(...examples.map(([line]) => line.length));
  const text = examples.map(([line, what]) => `  $ ${line.padEnd(width)}  ${what}`).join("\n");
  return command.addHelpText("after", `\nExamples:\n${text}\n`);
}
