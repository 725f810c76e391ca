import type { Criterion, Requirement } from "../../model/requirements/requirements-types.js";
import { defineRule, type Finding } from "../rule.js";
import { coveredCriterionIds } from "./trace-matrix.js";

export const uncoveredCriterion = defineRule({
  id: "traceability/uncovered-criterion",
  family: "traceability",
  severity: "warning",
  summary: "An acceptance criterion that no task in tasks.md references: nothing plans to implement it.",
  fix: "Add the criterion id to the `_Requirements:_` line of the task that implements it, or add a task.",
  check(workspace) {
    const findings: Finding[] = [];
    for (const spec of workspace.specs) {
      if (!spec.tasks) continue;
      // The trace matrix's coverage is the one place that decides what covers what (`All`, whole requirements,
      // ranges); its rows are not needed here.
      const covered = coveredCriterionIds(spec);
      const requirements = spec.requirements?.document.requirements ?? [];
      const first = firstCriterion(requirements);
      if (covered.size === 0 && first && spec.requirements) {
        // Tasks that reference nothing leave every criterion uncovered: say it once.
        findings.push({
          file: spec.requirements.path,
          location: first.location,
          message: `No task references any of the ${criterionCount(requirements)} criteria of this spec.`,
          fix: "Add `_Requirements: N.M_` lines to the tasks in tasks.md, naming the criteria each implements.",
        });
        continue;
      }
      for (const requirement of requirements) {
        for (const criterion of requirement.criteria) {
          if (covered.has(criterion.id)) continue;
          findings.push({
            file: spec.requirements?.path ?? "",
            location: criterion.location,
            message: `Criterion ${criterion.id} is not referenced by any task.`,
            fix: `Add ${criterion.id} to the \`_Requirements:_\` line of the task that implements it in tasks.md.`,
          });
        }
      }
      // Current-behaviour clauses describe the defect; only the expected and unchanged ones need work.
      for (const clause of spec.bugfix?.document.clauses ?? []) {
        if (clause.group === "current" || covered.has(clause.id)) continue;
        findings.push({
          file: spec.bugfix?.path ?? "",
          location: clause.location,
          message: `Clause ${clause.id} is not referenced by any task.`,
          fix: `Reference ${clause.id} from the task that fixes or preserves it in tasks.md.`,
        });
      }
    }
    return findings;
  },
});

function firstCriterion(requirements: readonly Requirement[]): Criterion | undefined {
  for (const requirement of requirements) if (requirement.criteria[0]) return requirement.criteria[0];
  return undefined;
}

function criterionCount(requirements: readonly Requirement[]): number {
  let count = 0;
  for (const requirement of requirements) count += requirement.criteria.length;
  return count;
}
