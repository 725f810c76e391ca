import type { SpecAnalysis } from "../../engine/analysis/analyze-spec.js";
import { EngineError } from "../../engine/errors/engine-error.js";
import type { RecordingModelSession } from "../../engine/llm/create-model-session.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_SUCCESS } from "../exit-codes.js";
import { type ModelOptions, openModelSession } from "../model-options.js";
import { formatUsageLine } from "../model-usage-output.js";
import { detectTerminal, paint, type Terminal } from "../terminal.js";

export interface AnalyzeOptions extends CommonOptions, ModelOptions {
  readonly format?: "text" | "json" | "sarif";
  /** `--no-model`: the deterministic notes only, even with a model configured. */
  readonly model?: string;
  readonly useModel?: boolean;
}

/** `specwright analyze <spec>`: review notes from the text, then (with a model) Analyze Requirements findings. */
export async function analyzeCommand(spec: string, options: AnalyzeOptions, version: string): Promise<void> {
  const format = options.json ? "json" : (options.format ?? "text");
  await runCommand(format === "json", async () => {
    const { analyzeSpec } = await import("../../engine/analysis/analyze-spec.js");
    const { resolveWorkspaceRoot } = await import("../../engine/workspace-model/workspace-context.js");
    const root = await resolveWorkspaceRoot({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) });
    const session = options.useModel === false ? undefined : await optionalSession(options, root);
    const analysis = await analyzeSpec({ cwd: process.cwd(), root, spec, ...(session ? { session } : {}) });
    await session?.flush();
    const usage = session?.totals();
    if (format === "sarif") {
      const { analysisSarif } = await import("../../engine/analysis/analysis-sarif.js");
      printJson(analysisSarif(analysis, version));
    } else if (format === "json") {
      printJson({
        ok: true,
        spec: analysis.spec,
        files: analysis.files,
        notes: analysis.notes,
        findings: analysis.findings ?? null,
        modelUsed: session !== undefined,
        ...(usage ? { usage } : {}),
      });
    } else {
      process.stdout.write(toText(analysis, detectTerminal()));
      if (usage) process.stderr.write(`${formatUsageLine(usage)}\n`);
    }
    return EXIT_SUCCESS;
  });
}

/** The model when one is chosen (flag, environment, settings); none configured is not an error here. */
async function optionalSession(options: AnalyzeOptions, root: string): Promise<RecordingModelSession | undefined> {
  try {
    return await openModelSession(options, { root, command: "analyze" });
  } catch (error) {
    if (error instanceof EngineError && error.code === "no-model" && options.model === undefined) return undefined;
    throw error;
  }
}

const KIND_TITLE = {
  "env-var": "Environment variables",
  secret: "Secrets",
  migration: "Migrations",
  "external-registration": "External registrations",
  dependency: "New dependencies",
} as const;

function toText(analysis: SpecAnalysis, terminal: Terminal): string {
  const lines: string[] = [paint(terminal, "bold", `Review notes for ${analysis.spec}`)];
  if (analysis.notes.length === 0)
    lines.push("  none: no environment, secrets, migrations, registrations or dependencies found");
  let kind: string | undefined;
  for (const note of analysis.notes) {
    if (note.kind !== kind) {
      kind = note.kind;
      lines.push("", `${KIND_TITLE[note.kind]}:`);
    }
    const first = note.locations[0];
    const where = first ? `${first.file}:${first.line}` : "";
    const more = note.locations.length > 1 ? ` (+${note.locations.length - 1} more)` : "";
    lines.push(`  ${paint(terminal, "cyan", note.name)}  ${paint(terminal, "dim", `${where}${more}`)}`);
    lines.push(`    ${note.message}`);
  }
  if (analysis.findings === undefined) {
    lines.push("", paint(terminal, "dim", "No model configured: requirement findings skipped (pass --model)."));
  } else {
    lines.push("", paint(terminal, "bold", `Requirement findings (${analysis.findings.length})`));
    for (const finding of analysis.findings) {
      const where = `${finding.file}:${finding.line}`;
      lines.push(
        `  ${finding.severity.padEnd(6)} ${finding.criterion || "spec"}  ${finding.category}  ${paint(terminal, "dim", where)}`,
      );
      lines.push(`    ${finding.message}`);
      if (finding.suggestedEdit) lines.push(`    ${paint(terminal, "cyan", "suggested:")} ${finding.suggestedEdit}`);
    }
    if (analysis.findings.length > 0) {
      lines.push("", `Nothing was changed; apply an edit with specwright refine ${analysis.spec} requirements "…".`);
    }
  }
  return `${lines.join("\n")}\n`;
}
