import { defineRule } from "../rule.js";
import { documentDiagnostics } from "./document-diagnostics.js";

export const noRequirements = defineRule({
  id: "structure/no-requirements",
  family: "structure",
  severity: "info",
  summary: "A requirements.md has no requirement headings, so tasks cannot refer to its criteria.",
  fix: "Write each requirement under a heading such as `### Requirement 1: Title`.",
  check: (workspace) => documentDiagnostics(workspace, ["requirements/no-requirements"]),
});
