import { defineRule } from "../rule.js";
import { documentDiagnostics } from "./document-diagnostics.js";

export const criterionNumberMismatch = defineRule({
  id: "structure/criterion-number-mismatch",
  family: "structure",
  severity: "warning",
  summary: "A criterion numbered `N.M` sits under a requirement other than N.",
  fix: "Renumber the criterion after its requirement, or move it under the requirement its number names.",
  check: (workspace) => documentDiagnostics(workspace, ["requirements/criterion-number-mismatch"]),
});
