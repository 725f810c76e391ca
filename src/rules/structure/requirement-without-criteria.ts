import { defineRule } from "../rule.js";
import { documentDiagnostics } from "./document-diagnostics.js";

export const requirementWithoutCriteria = defineRule({
  id: "structure/requirement-without-criteria",
  family: "structure",
  severity: "warning",
  summary: "A requirement has no acceptance criteria, so nothing in it can be traced to tasks or verified.",
  fix: "Add a `#### Acceptance Criteria` heading followed by a numbered list of SHALL statements.",
  check: (workspace) => documentDiagnostics(workspace, ["requirements/no-criteria"]),
});
