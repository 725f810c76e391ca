import type { Command } from "commander";

/** Registers the approval commands; their modules load only when one runs. */
export function registerApprovalCommands(_program: Command): void {}
