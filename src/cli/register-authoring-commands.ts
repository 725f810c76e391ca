import type { Command } from "commander";

/** Registers the authoring commands; their modules load only when one runs. */
export function registerAuthoringCommands(_program: Command): void {}
