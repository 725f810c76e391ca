import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { defineRule, type Finding } from "../rule.js";

export const parentDoneChildOpen = defineRule({
  id: "traceability/parent-done-child-open",
  family: "traceability",
  severity: "error",
  summary: "A task is marked done while one of its required sub-tasks is not.",
  fix: "Finish the open sub-task, mark it optional (`[ ]*`) if it is not needed, or reopen the parent.",
  check(workspace) {
    const findings: Finding[] = [];
    for (const spec of workspace.specs) {
      if (!spec.tasks) continue;
      for (const task of flattenTasks(spec.tasks.document.tasks)) {
        if (task.status !== "done") continue;
        const open = task.children.filter((child) => !child.optional && child.status !== "done");
        if (open.length === 0) continue;
        findings.push({
          file: spec.tasks.path,
          location: task.location,
          message: `Task ${task.id ?? task.title} is done but required sub-task${open.length > 1 ? "s" : ""} ${open
            .map((child) => child.id ?? child.title)
            .join(", ")} ${open.length > 1 ? "are" : "is"} not.`,
        });
      }
    }
    return findings;
  },
});
