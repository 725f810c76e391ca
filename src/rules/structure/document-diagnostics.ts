import { codes as anyOf, diagnosticFindings } from "../diagnostic-findings.js";
import type { Finding } from "../rule.js";
import type { WorkspaceModel } from "../workspace-model.js";

/** The parser diagnostics with these codes from every spec document, with the rule's own severity. */
export function documentDiagnostics(workspace: WorkspaceModel, codes: readonly string[]): Iterable<Finding> {
  const files = workspace.specs.flatMap((spec) => [spec.requirements, spec.bugfix, spec.tasks]);
  return diagnosticFindings(files, anyOf(...codes), { ruleSeverity: true });
}
