import { runCommands } from "./run-commands.js";
import { newProgram, type SoleCommand, withSoleCommand } from "./sole-commands.js";

/**
 * Runs `check` or `status` without the rest of the CLI. The bundle builds this module into one file of its own
 * (`specwright-check.js`, see scripts/bundle-cli.mjs): those commands then load one module instead of some
 * seventy chunks shared with the other commands, which cost them tens of milliseconds of each run.
 */
export async function runSoleCommand(argv: readonly string[], command: SoleCommand, version: string): Promise<void> {
  await runCommands(withSoleCommand(newProgram(version), command, version), argv);
}
