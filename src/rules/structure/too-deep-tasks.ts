import { defineRule } from "../rule.js";
import { documentDiagnostics } from "./document-diagnostics.js";

export const tooDeepTasks = defineRule({
  id: "structure/too-deep-tasks",
  family: "structure",
  severity: "warning",
  summary: "Tasks nested more than 100 levels deep; deeper ones are read as siblings at level 100.",
  fix: "Flatten the plan: sub-tasks two or three levels deep are easier to follow.",
  check: (workspace) => documentDiagnostics(workspace, ["tasks/too-deep"]),
});
