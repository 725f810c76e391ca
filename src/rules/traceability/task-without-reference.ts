import type { Task } from "../../model/tasks/task-types.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { defineRule, type Finding } from "../rule.js";
import { knownIds } from "./known-ids.js";

export const taskWithoutReference = defineRule({
  id: "traceability/task-without-reference",
  family: "traceability",
  severity: "warning",
  summary: "A leaf task with no `_Requirements:_` or `**Validates:**` line: nothing says which criterion it serves.",
  fix: "Add `- _Requirements: N.M_` under the task, naming the criteria it implements.",
  check(workspace) {
    const findings: Finding[] = [];
    for (const spec of workspace.specs) {
      // Without requirements there is nothing to reference; another rule reports the missing document.
      if (!spec.tasks || !knownIds(spec)) continue;
      const unreferenced = unreferencedLeaves(spec.tasks.document.tasks);
      const [first] = unreferenced;
      if (!first) continue;
      // A plan that references nothing at all is one problem, not one per task.
      if (!flattenTasks(spec.tasks.document.tasks).some((task) => task.references.length > 0)) {
        findings.push({
          file: spec.tasks.path,
          location: first.location,
          message: `No task in this plan references a requirement (${unreferenced.length} tasks).`,
          fix: "Add `- _Requirements: N.M_` under each task, naming the criteria it implements.",
        });
        continue;
      }
      for (const task of unreferenced) {
        findings.push({
          file: spec.tasks.path,
          location: task.location,
          message: `Task ${task.id} ("${truncate(task.title)}") references no requirement.`,
        });
      }
    }
    return findings;
  },
});

/**
 * Numbered leaf tasks with no reference of their own or of an ancestor: a group's `_Requirements:_` line
 * (often written after its sub-tasks) covers the sub-tasks. Unnumbered checkboxes are checklists (manual
 * test steps), not plan tasks; checkpoints reference nothing by design.
 */
function unreferencedLeaves(roots: readonly Task[]): Task[] {
  const found: Task[] = [];
  const stack: { task: Task; inherited: boolean }[] = [];
  for (let index = roots.length - 1; index >= 0; index--) {
    const task = roots[index];
    if (task) stack.push({ task, inherited: false });
  }
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { task } = entry;
    const referenced = entry.inherited || task.references.length > 0;
    if (task.children.length === 0) {
      if (!referenced && task.id !== undefined && !task.checkpoint) found.push(task);
      continue;
    }
    for (let index = task.children.length - 1; index >= 0; index--) {
      const child = task.children[index];
      if (child) stack.push({ task: child, inherited: referenced });
    }
  }
  return found;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
