import { relative } from "node:path";
import { listSpecs } from "../../engine/workspace-model/list-specs.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { escapeTerminalText } from "../escape-terminal-text.js";
import { detectTerminal, paint } from "../terminal.js";

export async function listCommand(options: CommonOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const list = await listSpecs({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) });
    if (options.json) {
      printJson({
        ok: true,
        root: list.root,
        specs: list.specs.map((spec) => ({ ...spec, path: relative(list.root, spec.path) })),
      });
      return;
    }
    const terminal = detectTerminal();
    if (list.specs.length === 0) {
      process.stdout.write("No specs yet. Create one under .kiro/specs/<name>/.\n");
      return;
    }
    const width = Math.max(...list.specs.map((spec) => spec.name.length));
    for (const spec of list.specs) {
      const documents = [
        spec.documents.requirements ? "requirements" : undefined,
        spec.documents.bugfix ? "bugfix" : undefined,
        spec.documents.design ? "design" : undefined,
        spec.documents.tasks ? "tasks" : undefined,
      ].filter((name) => name !== undefined);
      const type = spec.type === "bugfix" ? paint(terminal, "yellow", "bugfix ") : paint(terminal, "blue", "feature");
      process.stdout.write(
        `${paint(terminal, "bold", escapeTerminalText(spec.name).padEnd(width))}  ${type}  ${documents.join(", ") || "(empty)"}\n`,
      );
    }
    process.stdout.write(
      paint(terminal, "dim", `${list.specs.length} spec${list.specs.length === 1 ? "" : "s"} in ${list.root}\n`),
    );
    return undefined;
  });
}
