import { defineRule } from "../rule.js";
import { documentDiagnostics } from "./document-diagnostics.js";

export const unknownCriteriaLabel = defineRule({
  id: "structure/unknown-criteria-label",
  family: "structure",
  severity: "info",
  summary:
    "Requirements or their criteria sit under headings whose label Specwright does not know; they are read by their shape (a label and a number, a numbered or EARS list), and the label is named so it can be added to the vocabulary.",
  fix: "Use `### Requirement N` and `#### Acceptance Criteria` (or their translations), or add the label to the vocabulary (docs/labels.md).",
  check: (workspace) =>
    documentDiagnostics(workspace, ["requirements/unknown-criteria-label", "requirements/unknown-requirement-label"]),
});
