import type { Command } from "commander";

/** Registers the mcp commands; their modules load only when one runs. */
export function registerMcpCommands(_program: Command): void {}
