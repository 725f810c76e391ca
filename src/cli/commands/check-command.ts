import { runCheck } from "../../engine/run-check.js";
import type { CheckDiagnostic, CheckSummary } from "../../rules/check-result.js";
import type { Rule } from "../../rules/rule.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "../exit-codes.js";
import { detectTerminal, paint, type Terminal } from "../terminal.js";

export interface CheckOptions extends CommonOptions {
  readonly format?: "text" | "json" | "sarif";
  readonly strict?: boolean;
  readonly listRules?: boolean;
  readonly cache?: boolean;
}

export async function checkCommand(paths: readonly string[], options: CheckOptions, version: string): Promise<void> {
  const format = options.json ? "json" : (options.format ?? "text");
  await runCommand(format !== "text", async () => {
    if (options.listRules) {
      listRules((await import("../../rules/all-rules.js")).ALL_RULES, format === "text");
      return EXIT_SUCCESS;
    }
    const report = await runCheck({
      cwd: process.cwd(),
      ...(options.root ? { root: options.root } : {}),
      paths,
      cache: options.cache !== false,
    });
    if (format === "json") {
      printJson({
        ok: true,
        root: report.root,
        diagnostics: report.diagnostics.map((diagnostic) => ({
          file: diagnostic.file,
          line: diagnostic.location.line,
          column: diagnostic.location.column,
          endLine: diagnostic.location.endLine,
          endColumn: diagnostic.location.endColumn,
          severity: diagnostic.severity,
          rule: diagnostic.rule,
          message: diagnostic.message,
          fix: diagnostic.fix,
        })),
        summary: report.summary,
      });
    } else if (format === "sarif") {
      // Rules and the SARIF writer load only for this format: a cached text run needs neither.
      const [{ ALL_RULES }, { toSarif }] = await Promise.all([
        import("../../rules/all-rules.js"),
        import("../../rules/sarif.js"),
      ]);
      printJson(toSarif(report.diagnostics, ALL_RULES, version));
    } else {
      process.stdout.write(formatText(report.diagnostics, report.summary, detectTerminal()));
    }
    const failing = report.summary.errors + (options.strict ? report.summary.warnings : 0);
    return failing > 0 ? EXIT_FINDINGS : EXIT_SUCCESS;
  });
}

const SEVERITY_STYLE = { error: "red", warning: "yellow", info: "blue" } as const;

function formatText(diagnostics: readonly CheckDiagnostic[], summary: CheckSummary, terminal: Terminal): string {
  let out = "";
  for (const diagnostic of diagnostics) {
    const where = `${diagnostic.file}:${diagnostic.location.line}:${diagnostic.location.column}`;
    const severity = paint(terminal, SEVERITY_STYLE[diagnostic.severity], diagnostic.severity.padEnd(7));
    out += `${paint(terminal, "bold", where)}  ${severity}  ${paint(terminal, "dim", diagnostic.rule)}  ${diagnostic.message}\n`;
    out += `    ${paint(terminal, "cyan", "fix:")} ${diagnostic.fix}\n`;
  }
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const counts = `${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${plural(summary.infos, "info")}`;
  const scope = `${plural(summary.files, "file")} in ${plural(summary.specs, "spec")}`;
  const verdict = summary.errors > 0 ? paint(terminal, "red", "✖") : paint(terminal, "green", "✔");
  return `${out}${out ? "\n" : ""}${verdict} ${counts} (${scope} checked)\n`;
}

function listRules(rules: readonly Rule[], text: boolean): void {
  if (!text) {
    printJson({
      ok: true,
      rules: rules.map((rule) => ({
        id: rule.id,
        family: rule.family,
        severity: rule.severity,
        summary: rule.summary,
        fix: rule.fix,
      })),
    });
    return;
  }
  const width = Math.max(...rules.map((rule) => rule.id.length));
  for (const rule of rules) {
    process.stdout.write(`${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.summary}\n`);
  }
}
