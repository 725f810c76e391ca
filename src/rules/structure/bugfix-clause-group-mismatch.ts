import { defineRule } from "../rule.js";
import { documentDiagnostics } from "./document-diagnostics.js";

export const bugfixClauseGroupMismatch = defineRule({
  id: "bugfix/clause-group-mismatch",
  family: "bugfix",
  severity: "warning",
  summary: "A bugfix clause's number (1.x, 2.x, 3.x) does not match the section it sits in.",
  fix: "Renumber the clause after its section, or move it to the section its number belongs to.",
  check: (workspace) => documentDiagnostics(workspace, ["bugfix/clause-group-mismatch"]),
});
