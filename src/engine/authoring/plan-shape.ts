import { setTaskOptional } from "../../model/tasks/edit-tasks.js";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import type { Task } from "../../model/tasks/task-types.js";
import type { CheckDiagnostic } from "../../rules/check-result.js";

/** A plan is at most two levels deep (1, 1.1), as Kiro writes plans; deeper nesting is sent back. */
export function planShapeFindings(text: string, file: string): CheckDiagnostic[] {
  const findings: CheckDiagnostic[] = [];
  const visit = (task: Task) => {
    if (task.depth >= 2) {
      findings.push({
        rule: "authoring/plan-depth",
        severity: "error",
        file,
        location: task.location,
        message: `Task ${task.id ?? task.title} is nested ${task.depth + 1} levels deep; a plan has at most two levels.`,
        fix: "Turn the third level into detail bullets of its parent, or into sibling sub-tasks.",
      });
    }
    task.children.forEach(visit);
  };
  parseTasks(text).tasks.forEach(visit);
  return findings;
}

/** The plan with every optional task made required (`--all-required`), byte for byte otherwise. */
export function makeAllTasksRequired(text: string): string {
  let current = text;
  for (;;) {
    const optional = findOptional(parseTasks(current).tasks);
    if (optional?.id === undefined) return current;
    const edit = setTaskOptional(current, optional.id, false);
    if (!edit.ok || edit.text === current) return current;
    current = edit.text;
  }
}

function findOptional(tasks: readonly Task[]): Task | undefined {
  for (const task of tasks) {
    if (task.optional && task.id !== undefined) return task;
    const child = findOptional(task.children);
    if (child) return child;
  }
  return undefined;
}
