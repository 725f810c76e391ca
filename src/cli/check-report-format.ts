import type { CheckDiagnostic, CheckSummary } from "../rules/check-result.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "./exit-codes.js";
import { paint, type Terminal } from "./terminal.js";

/** The exit code of `check`: 1 with errors (or, with `--strict`, warnings), else 0. */
export function checkExitCode(summary: CheckSummary, strict: boolean): number {
  return summary.errors + (strict ? summary.warnings : 0) > 0 ? EXIT_FINDINGS : EXIT_SUCCESS;
}

/** The `--format json` document. */
export function checkJsonDocument(root: string, diagnostics: readonly CheckDiagnostic[], summary: CheckSummary) {
  return {
    ok: true,
    root,
    diagnostics: diagnostics.map((diagnostic) => ({
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
    summary,
  };
}

const SEVERITY_STYLE = { error: "red", warning: "yellow", info: "blue" } as const;

/** `file:line:col  severity  rule-id  message`, the fix below it, the summary last. */
export function checkText(diagnostics: readonly CheckDiagnostic[], summary: CheckSummary, terminal: Terminal): string {
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
