import type { BugfixDocument } from "../../model/bugfix/bugfix-types.js";
import type { RequirementsDocument } from "../../model/requirements/requirements-types.js";
import type { Task } from "../../model/tasks/task-types.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";

/** An acceptance criterion (or bugfix clause) with the requirement (or bugfix section) it belongs to. */
export interface ContextCriterion {
  readonly id: string;
  readonly text: string;
  readonly requirementId: string;
  readonly requirementTitle?: string;
  readonly userStory?: string;
}

export interface ReferencedCriteria {
  /** In document order, each once. */
  readonly criteria: readonly ContextCriterion[];
  /** Ids the task names that are neither a criterion nor a requirement of the spec. */
  readonly unresolved: readonly string[];
  /** The ids as the task (and its sub-tasks) wrote them, `All` as `all`. */
  readonly referenced: readonly string[];
}

/** The criteria a spec holds, from requirements.md or, for a bugfix spec, bugfix.md. */
export function specCriteria(documents: {
  readonly requirements?: RequirementsDocument;
  readonly bugfix?: BugfixDocument;
}): ContextCriterion[] {
  const fromRequirements = (documents.requirements?.requirements ?? []).flatMap((requirement) =>
    requirement.criteria.map((criterion) => ({
      id: criterion.id,
      text: criterion.text,
      requirementId: requirement.id,
      ...(requirement.title === undefined ? {} : { requirementTitle: requirement.title }),
      ...(requirement.userStory === undefined ? {} : { userStory: requirement.userStory.text }),
    })),
  );
  const bugfix = documents.bugfix;
  const fromBugfix = (bugfix?.clauses ?? []).map((clause) => {
    const section = bugfix?.sections.find((candidate) => candidate.group === clause.group);
    return {
      id: clause.id,
      text: clause.text,
      requirementId: clause.id.split(".")[0] ?? clause.id,
      ...(section === undefined ? {} : { requirementTitle: section.title }),
    };
  });
  return [...fromRequirements, ...fromBugfix];
}

/**
 * Pure: the criteria a task references, and nothing else. A parent task stands for its sub-tasks, so their
 * references count as its own. A reference to a whole requirement (`2`) brings all of its criteria; `All`
 * brings every criterion.
 */
export function referencedCriteria(task: Task, criteria: readonly ContextCriterion[]): ReferencedCriteria {
  const lines = flattenTasks([task]).flatMap((entry) => entry.references);
  const all = lines.some((line) => line.references.all);
  const ids = [...new Set(lines.flatMap((line) => line.references.ids))];
  const wanted = new Set<ContextCriterion>();
  const unresolved: string[] = [];
  for (const id of ids) {
    const exact = criteria.filter((criterion) => criterion.id === id);
    const whole = exact.length > 0 ? exact : criteria.filter((criterion) => criterion.requirementId === id);
    if (whole.length === 0) unresolved.push(id);
    for (const criterion of whole) wanted.add(criterion);
  }
  return {
    criteria: all ? [...criteria] : criteria.filter((criterion) => wanted.has(criterion)),
    unresolved,
    referenced: all ? ["all", ...ids] : ids,
  };
}
