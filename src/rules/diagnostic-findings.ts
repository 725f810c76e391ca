import type { Diagnostic } from "../model/source/diagnostic.js";
import type { Finding } from "./rule.js";

/** A parsed file as the workspace model holds it: its path and a document with parser diagnostics. */
export interface FileWithDiagnostics {
  readonly path: string;
  readonly document: { readonly diagnostics: readonly Diagnostic[] };
}

/**
 * The parser diagnostics matching `accepts` as findings: the parser already knows the problem, its position
 * and its fix; the rule gives it an id a user can configure. By default the diagnostic's own severity is
 * kept, so one rule can carry both the error and the warning variant of a problem; `ruleSeverity` makes the
 * rule's severity apply instead.
 */
export function diagnosticFindings(
  files: Iterable<FileWithDiagnostics | undefined>,
  accepts: (code: string) => boolean,
  options: { readonly ruleSeverity?: boolean } = {},
): Finding[] {
  // An array, not a generator: this runs for every document of every check, mostly before it is optimized.
  const findings: Finding[] = [];
  for (const file of files) addDiagnosticFindings(file, accepts, options.ruleSeverity === true, findings);
  return findings;
}

/** `diagnosticFindings` of one file, added to `findings`. */
export function addDiagnosticFindings(
  file: FileWithDiagnostics | undefined,
  accepts: (code: string) => boolean,
  ruleSeverity: boolean,
  findings: Finding[],
): void {
  if (!file) return;
  for (const diagnostic of file.document.diagnostics) {
    if (!accepts(diagnostic.code)) continue;
    findings.push({
      file: file.path,
      location: diagnostic.location,
      message: diagnostic.message,
      ...(ruleSeverity ? {} : { severity: diagnostic.severity }),
      ...(diagnostic.fix !== undefined ? { fix: diagnostic.fix } : {}),
    });
  }
}

/** Accepts exactly the listed codes. */
export function codes(...list: readonly string[]): (code: string) => boolean {
  return (code) => list.includes(code);
}
