import { codes, diagnosticFindings } from "../diagnostic-findings.js";
import { defineRule } from "../rule.js";

export const invalidField = defineRule({
  id: "steering/invalid-field",
  family: "steering",
  severity: "error",
  summary: "A steering front matter field has no value or the wrong kind of value (a list where one value belongs).",
  fix: "Give the field a single value (`inclusion: manual`), or a list of glob strings for `fileMatchPattern`.",
  check: (workspace) => diagnosticFindings(workspace.steering, codes("steering-invalid-field", "steering-empty-field")),
});
