import type { Severity } from "../model/source/diagnostic.js";
import type { SourceLocation } from "../model/source/source-location.js";

/** A finding after settings: what `check` reports. */
export interface CheckDiagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly file: string;
  readonly location: SourceLocation;
  readonly message: string;
  readonly fix: string;
}

export interface CheckSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly files: number;
  readonly specs: number;
}

export function summarize(
  diagnostics: readonly CheckDiagnostic[],
  counts: { files: number; specs: number },
): CheckSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === "error") errors++;
    else if (diagnostic.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos, ...counts };
}

/** By file, line, column and rule, so output is stable; code-unit order, not locale order, for speed. */
export function sortDiagnostics(diagnostics: CheckDiagnostic[]): CheckDiagnostic[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return diagnostics.sort(
    (a, b) =>
      compare(a.file, b.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      compare(a.rule, b.rule),
  );
}
