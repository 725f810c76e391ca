import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { defineRule } from "../rule.js";
import type { SpecModel } from "../workspace-model.js";
import { coveredBy, knownIds } from "./known-ids.js";

/** Criterion ids covered by some task's references; `undefined` when `All` covers everything. */
export function coveredCriteria(spec: SpecModel): ReadonlySet<string> | "all" {
  const known = knownIds(spec);
  const covered = new Set<string>();
  if (!known || !spec.tasks) return covered;
  for (const task of flattenTasks(spec.tasks.document.tasks)) {
    for (const line of task.references) {
      if (line.references.all) return "all";
      for (const id of line.references.ids) for (const criterion of coveredBy(id, known)) covered.add(criterion);
    }
  }
  return covered;
}

export const uncoveredCriterion = defineRule({
  id: "traceability/uncovered-criterion",
  family: "traceability",
  severity: "warning",
  summary: "An acceptance criterion that no task in tasks.md references: nothing plans to implement it.",
  fix: "Add the criterion id to the `_Requirements:_` line of the task that implements it, or add a task.",
  *check(workspace) {
    for (const spec of workspace.specs) {
      if (!spec.tasks) continue;
      const covered = coveredCriteria(spec);
      if (covered === "all") continue;
      const criteria = spec.requirements?.document.requirements.flatMap((requirement) => requirement.criteria) ?? [];
      const [first] = criteria;
      if (covered.size === 0 && first && spec.requirements) {
        // Tasks that reference nothing leave every criterion uncovered: say it once.
        yield {
          file: spec.requirements.path,
          location: first.location,
          message: `No task references any of the ${criteria.length} criteria of this spec.`,
          fix: "Add `_Requirements: N.M_` lines to the tasks in tasks.md, naming the criteria each implements.",
        };
        continue;
      }
      for (const requirement of spec.requirements?.document.requirements ?? []) {
        for (const criterion of requirement.criteria) {
          if (covered.has(criterion.id)) continue;
          yield {
            file: spec.requirements?.path ?? "",
            location: criterion.location,
            message: `Criterion ${criterion.id} is not referenced by any task.`,
            fix: `Add ${criterion.id} to the \`_Requirements:_\` line of the task that implements it in tasks.md.`,
          };
        }
      }
      // Current-behaviour clauses describe the defect; only the expected and unchanged ones need work.
      for (const clause of spec.bugfix?.document.clauses ?? []) {
        if (clause.group === "current" || covered.has(clause.id)) continue;
        yield {
          file: spec.bugfix?.path ?? "",
          location: clause.location,
          message: `Clause ${clause.id} is not referenced by any task.`,
          fix: `Reference ${clause.id} from the task that fixes or preserves it in tasks.md.`,
        };
      }
    }
  },
});
