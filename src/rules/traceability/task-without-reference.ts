import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { defineRule } from "../rule.js";
import { knownIds } from "./known-ids.js";

export const taskWithoutReference = defineRule({
  id: "traceability/task-without-reference",
  family: "traceability",
  severity: "warning",
  summary: "A leaf task with no `_Requirements:_` or `**Validates:**` line: nothing says which criterion it serves.",
  fix: "Add `- _Requirements: N.M_` under the task, naming the criteria it implements.",
  *check(workspace) {
    for (const spec of workspace.specs) {
      // Without requirements there is nothing to reference; another rule reports the missing document.
      if (!spec.tasks || !knownIds(spec)) continue;
      const tasks = flattenTasks(spec.tasks.document.tasks);
      const unreferenced = tasks.filter(
        // Unnumbered checkboxes are checklists (manual test steps), not plan tasks.
        (task) =>
          task.id !== undefined && !task.checkpoint && task.children.length === 0 && task.references.length === 0,
      );
      const [first] = unreferenced;
      if (!first) continue;
      // A plan that references nothing at all is one problem, not one per task.
      if (!tasks.some((task) => task.references.length > 0)) {
        yield {
          file: spec.tasks.path,
          location: first.location,
          message: `No task in this plan references a requirement (${unreferenced.length} tasks).`,
          fix: "Add `- _Requirements: N.M_` under each task, naming the criteria it implements.",
        };
        continue;
      }
      for (const task of unreferenced) {
        yield {
          file: spec.tasks.path,
          location: task.location,
          message: `Task ${task.id} ("${truncate(task.title)}") references no requirement.`,
        };
      }
    }
  },
});

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
