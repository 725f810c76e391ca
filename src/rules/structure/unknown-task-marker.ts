import { defineRule } from "../rule.js";
import { documentDiagnostics } from "./document-diagnostics.js";

export const unknownTaskMarker = defineRule({
  id: "structure/unknown-task-marker",
  family: "structure",
  severity: "warning",
  summary: "A checkbox in tasks.md has a marker Kiro does not know, so the line is not read as a task.",
  fix: "Use `[ ]` (to do), `[-]` (in progress), `[~]` (queued) or `[x]` (done).",
  check: (workspace) => documentDiagnostics(workspace, ["tasks/unknown-marker"]),
});
