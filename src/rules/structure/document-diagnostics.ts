import type { Finding } from "../rule.js";
import type { WorkspaceModel } from "../workspace-model.js";

/**
 * The parser diagnostics with these codes from every spec document, as findings: the parser already knows
 * the problem and its position, the rule gives it an id a user can configure.
 */
export function* documentDiagnostics(workspace: WorkspaceModel, codes: readonly string[]): Generator<Finding> {
  for (const spec of workspace.specs) {
    for (const file of [spec.requirements, spec.bugfix, spec.tasks]) {
      if (!file) continue;
      for (const diagnostic of file.document.diagnostics) {
        if (!codes.includes(diagnostic.code)) continue;
        yield {
          file: file.path,
          location: diagnostic.location,
          message: diagnostic.message,
          ...(diagnostic.fix !== undefined ? { fix: diagnostic.fix } : {}),
        };
      }
    }
  }
}
