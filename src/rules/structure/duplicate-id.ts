import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { addDiagnosticFindings, codes } from "../diagnostic-findings.js";
import { defineRule, type Finding } from "../rule.js";
import type { WorkspaceModel } from "../workspace-model.js";
import { documentDiagnostics } from "./document-diagnostics.js";
import { taskIdLocation } from "./id-location.js";

/** The parser finds repeated requirements, criteria and bugfix clauses while it numbers them. */
const PARSER_CODES = [
  "requirements/duplicate-requirement",
  "requirements/duplicate-criterion",
  "bugfix/duplicate-clause",
];

export const duplicateId = defineRule({
  id: "structure/duplicate-id",
  family: "structure",
  severity: "error",
  summary:
    "Two requirements, criteria, bugfix clauses, tasks or design properties share an id, so references to it are ambiguous.",
  fix: "Renumber so that every requirement, criterion, task and property has its own id.",
  check(workspace) {
    const findings = documentDiagnostics(workspace, PARSER_CODES);
    const duplicateProperty = codes("design/duplicate-property");
    for (const spec of workspace.specs) addDiagnosticFindings(spec.design, duplicateProperty, true, findings);
    duplicateTaskIds(workspace, findings);
    return findings;
  },
});

function duplicateTaskIds(workspace: WorkspaceModel, findings: Finding[]): void {
  for (const spec of workspace.specs) {
    const file = spec.tasks;
    if (!file) continue;
    const first = new Map<string, number>();
    for (const task of flattenTasks(file.document.tasks)) {
      if (task.id === undefined) continue;
      const earlier = first.get(task.id);
      if (earlier === undefined) {
        first.set(task.id, task.location.line);
        continue;
      }
      findings.push({
        file: file.path,
        location: taskIdLocation(file.document.source, task),
        message: `Task ${task.id} appears twice (first on line ${earlier}), so references to it and commands that select it are ambiguous.`,
        fix: "Number the tasks 1, 2, 3, … and their sub-tasks N.1, N.2, … without repeats.",
      });
    }
  }
}
