import { relative, sep } from "node:path";
import { createNewSpec } from "../../engine/new-spec.js";
import type { SpecType } from "../../model/settings/spec-config-schema.js";
import type { NewSpecWorkflow } from "../../model/templates/spec-templates.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { detectTerminal, paint } from "../terminal.js";

export interface NewOptions extends CommonOptions {
  readonly type?: SpecType;
  readonly workflow?: NewSpecWorkflow;
}

export async function newCommand(name: string, options: NewOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const result = await createNewSpec({
      cwd: process.cwd(),
      ...(options.root ? { root: options.root } : {}),
      name,
      ...(options.type ? { type: options.type } : {}),
      ...(options.workflow ? { workflow: options.workflow } : {}),
    });
    const toRelative = (path: string) => relative(result.root, path).split(sep).join("/");
    if (options.json) {
      printJson({ ok: true, ...result, path: toRelative(result.path), files: result.files.map(toRelative) });
      return;
    }
    const terminal = detectTerminal();
    if (result.createdWorkspace) {
      process.stdout.write(
        `${paint(terminal, "yellow", "note:")} no .kiro/ folder was found, so one was created in ${result.root}.\n`,
      );
    }
    process.stdout.write(
      `${paint(terminal, "green", "created")} spec ${paint(terminal, "bold", result.spec)} (${result.type}, ${result.workflow}) in ${toRelative(result.path)}/\n`,
    );
    for (const file of result.files) process.stdout.write(`  ${toRelative(file)}\n`);
    const documents = result.files
      .map((file) => file.slice(file.lastIndexOf(sep) + 1))
      .filter((file) => file.endsWith(".md"));
    process.stdout.write("Next steps:\n");
    documents.forEach((document, index) => {
      const derived = result.workflow === "design-first" && document === "requirements.md";
      const how = derived ? "derive the acceptance criteria from the design" : "replace every <fill: …> placeholder";
      process.stdout.write(`  ${index + 1}. Fill in ${document}: ${how}.\n`);
    });
    process.stdout.write(
      `  ${documents.length + 1}. Run specwright check ${toRelative(result.path)} to list the placeholders left and other problems.\n`,
    );
    return undefined;
  });
}
