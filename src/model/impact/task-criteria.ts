import type { RequirementsDocument } from "../requirements/requirements-types.js";
import type { Task } from "../tasks/task-types.js";

/**
 * The criterion ids a task's `_Requirements:_` / `Validates` lines cover in `document`: a criterion id
 * names itself, a requirement id all its criteria, `All` every criterion. Ids the document does not know
 * are returned apart, so the caller can try them against another version.
 */
export function taskCriteriaIn(
  task: Task,
  document: RequirementsDocument | undefined,
): { readonly covered: Set<string>; readonly unknown: string[] } {
  const covered = new Set<string>();
  const unknown: string[] = [];
  const requirements = document?.requirements ?? [];
  for (const line of task.references) {
    if (line.references.all) {
      for (const requirement of requirements) for (const criterion of requirement.criteria) covered.add(criterion.id);
    }
    for (const id of line.references.ids) {
      const requirement = requirements.find((candidate) => candidate.id === id);
      if (requirement) {
        for (const criterion of requirement.criteria) covered.add(criterion.id);
        continue;
      }
      const known = requirements.some((candidate) => candidate.criteria.some((criterion) => criterion.id === id));
      if (known) covered.add(id);
      else unknown.push(id);
    }
  }
  return { covered, unknown };
}

/** The requirement a criterion id belongs to in `document`. */
export function requirementOf(document: RequirementsDocument | undefined, criterionId: string): string | undefined {
  return document?.requirements.find((requirement) =>
    requirement.criteria.some((criterion) => criterion.id === criterionId),
  )?.id;
}
