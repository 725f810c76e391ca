import { relative } from "node:path";
import { initWorkspace } from "../../engine/init/init-workspace.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { detectTerminal, paint } from "../terminal.js";

export async function initCommand(options: CommonOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const result = await initWorkspace({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) });
    if (options.json) {
      printJson({ ok: true, ...result });
      return;
    }
    const terminal = detectTerminal();
    const where = relative(process.cwd(), result.root) || ".";
    if (result.enclosingWorkspace !== undefined) {
      process.stdout.write(
        `${paint(terminal, "yellow", "note:")} ${result.enclosingWorkspace} already has .kiro/; this makes a separate workspace in ${result.root}.\n`,
      );
    }
    for (const file of result.created) process.stdout.write(`${paint(terminal, "green", "created")}  ${file}\n`);
    for (const file of result.skipped) {
      process.stdout.write(`${paint(terminal, "dim", "skipped")}  ${file} (already exists, left unchanged)\n`);
    }
    const facts = result.facts;
    const read = [
      facts.manifests.length > 0 ? `name and description from ${facts.manifests.join(", ")}` : undefined,
      listed(
        "languages",
        facts.languages.map((language) => language.name),
      ),
      listed(
        "package managers",
        facts.packageManagers.map((manager) => manager.name),
      ),
      listed(
        "commands",
        facts.commands.map((command) => command.command),
      ),
    ].filter((part) => part !== undefined);
    if (result.created.length === 0) {
      process.stdout.write(`Nothing to do in ${where}: every file init writes already exists.\n`);
      return undefined;
    }
    if (read.length > 0)
      process.stdout.write(paint(terminal, "dim", `Read from the repository: ${read.join("; ")}.\n`));
    process.stdout.write(
      "Next: replace the <fill: …> placeholders in the steering files (specwright check lists them), then create a spec with specwright new <name>.\n",
    );
    return undefined;
  });
}

function listed(label: string, values: readonly string[]): string | undefined {
  if (values.length === 0) return undefined;
  const shown = values.length > 4 ? [...values.slice(0, 4), `${values.length - 4} more`] : values;
  return `${label}: ${shown.join(", ")}`;
}
