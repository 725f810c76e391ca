import { addDiagnosticFindings, codes as anyOf } from "../diagnostic-findings.js";
import type { Finding } from "../rule.js";
import type { WorkspaceModel } from "../workspace-model.js";

/** The parser diagnostics with these codes from every spec document, with the rule's own severity. */
export function documentDiagnostics(workspace: WorkspaceModel, codes: readonly string[]): Finding[] {
  const accepts = anyOf(...codes);
  const findings: Finding[] = [];
  for (const spec of workspace.specs) {
    addDiagnosticFindings(spec.requirements, accepts, true, findings);
    addDiagnosticFindings(spec.bugfix, accepts, true, findings);
    addDiagnosticFindings(spec.tasks, accepts, true, findings);
  }
  return findings;
}
