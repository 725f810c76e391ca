import { computeDrift } from "../../engine/drift/compute-drift.js";
import { DRIFT_RULES, driftDiagnostics } from "../../engine/drift/drift-diagnostics.js";
import type { DriftReport } from "../../engine/drift/drift-types.js";
import { toSarif } from "../../rules/sarif.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "../exit-codes.js";
import { detectTerminal, paint, type Terminal } from "../terminal.js";

export interface DriftCommandOptions extends CommonOptions {
  readonly base?: string;
  readonly format?: "text" | "json" | "sarif";
}

export async function driftCommand(
  spec: string | undefined,
  options: DriftCommandOptions,
  version: string,
): Promise<void> {
  const format = options.json ? "json" : (options.format ?? "text");
  await runCommand(format !== "text", async () => {
    const report = await computeDrift({
      cwd: process.cwd(),
      ...(options.root ? { root: options.root } : {}),
      ...(spec === undefined ? {} : { spec }),
      ...(options.base === undefined ? {} : { base: options.base }),
    });
    const found = report.tasks.length + report.unspecified.length > 0;
    if (format === "json") printJson({ ok: !found, ...report });
    else if (format === "sarif") printJson(toSarif(driftDiagnostics(report), DRIFT_RULES, version));
    else process.stdout.write(renderDrift(report, detectTerminal()));
    return found ? EXIT_FINDINGS : EXIT_SUCCESS;
  });
}

function renderDrift(report: DriftReport, terminal: Terminal): string {
  const lines: string[] = [];
  for (const task of report.tasks) {
    lines.push(
      `${paint(terminal, "yellow", "drift")} ${task.spec} task ${task.taskId} (${task.title}), verified ${task.verifiedAt}:`,
    );
    for (const file of task.files) {
      lines.push(`  ${file.path}`);
      for (const commit of file.commits)
        lines.push(`    ${commit.commit.slice(0, 12)} ${commit.subject} (${commit.author}, ${commit.date})`);
    }
  }
  for (const change of report.unspecified) {
    lines.push(
      `${paint(terminal, "yellow", "no spec change")} ${change.spec}: code it owns changed since ${report.base?.ref ?? "the base"}, none of its documents did:`,
    );
    for (const file of change.files) lines.push(`  ${file}`);
  }
  if (lines.length === 0) {
    const scope = report.base ? ` and since ${report.base.ref}` : "";
    lines.push(
      `No drift in ${report.specs.length === 1 ? `spec ${report.specs[0]}` : `${report.specs.length} specs`}: done tasks' files unchanged since verified${scope}.`,
    );
  }
  return `${lines.join("\n")}\n`;
}
