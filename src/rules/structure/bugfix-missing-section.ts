import { defineRule } from "../rule.js";
import { documentDiagnostics } from "./document-diagnostics.js";

export const bugfixMissingSection = defineRule({
  id: "bugfix/missing-section",
  family: "bugfix",
  severity: "warning",
  summary: "A bugfix.md lacks one of the Current, Expected or Unchanged Behavior sections.",
  fix: "Add the missing `### … Behavior` section with its numbered clauses.",
  check: (workspace) => documentDiagnostics(workspace, ["bugfix/missing-section"]),
});
