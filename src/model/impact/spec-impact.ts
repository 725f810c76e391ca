import { chunksMentioning, designChunks } from "../design/design-mentions.js";
import type { DesignDocument } from "../design/parse-design.js";
import type { RequirementsDocument } from "../requirements/requirements-types.js";
import type { TaskStatus, TasksDocument } from "../tasks/task-types.js";
import { flattenTasks } from "../tasks/walk-tasks.js";
import { type DocumentChanges, diffDesignSections, diffTaskList } from "./document-changes.js";
import { type CriterionChange, diffRequirements, type RequirementsDiff } from "./requirements-diff.js";
import { requirementOf, taskCriteriaIn } from "./task-criteria.js";

/** The documents to compare: each approved version (when one was kept) and the current one. */
export interface ImpactInput {
  readonly approvedRequirements?: RequirementsDocument;
  readonly requirements?: RequirementsDocument;
  readonly approvedDesign?: DesignDocument;
  readonly design?: DesignDocument;
  readonly approvedTasks?: TasksDocument;
  readonly tasks?: TasksDocument;
}

/** A task next to a changed criterion: it references it, or (for an added one) a sibling in its requirement. */
export interface ImpactedTaskLink {
  readonly id: string | null;
  readonly title: string;
  readonly status: TaskStatus;
  readonly relation: "references" | "same-requirement";
  /** Done before the criterion changed: its verification proved the approved text, not this one. */
  readonly verifiedAgainstOlder: boolean;
}

export interface CriterionImpact extends CriterionChange {
  /** The requirement it belongs to now (or, removed, did). */
  readonly requirementId: string | undefined;
  /** Design headings (`Components > Cart`) whose text names the criterion or its requirement. */
  readonly designSections: readonly string[];
  readonly properties: readonly { readonly number: string; readonly title: string }[];
  readonly tasks: readonly ImpactedTaskLink[];
}

/** One task of tasks.md touched by the change. */
export interface TaskImpact {
  readonly id: string | null;
  readonly title: string;
  readonly status: TaskStatus;
  /** Criterion ids (as approved) whose text changed or that were removed, which this done task implemented. */
  readonly verifiedAgainstOlder: readonly string[];
  /** Criteria it implements that no longer exist. */
  readonly removedCriteria: readonly string[];
  /** Every criterion (approved id) it implements. */
  readonly implements: readonly string[];
  /** References that still name the old id of a renumbered criterion: `3.1` is now `4.1`. */
  readonly staleReferences: readonly { readonly from: string; readonly to: string }[];
}

export interface SpecImpactAnalysis {
  /** Undefined when no approved requirements text was kept (or there are no requirements). */
  readonly requirements: RequirementsDiff | undefined;
  readonly criteria: readonly CriterionImpact[];
  readonly tasks: readonly TaskImpact[];
  readonly design: DocumentChanges | undefined;
  readonly taskList: DocumentChanges | undefined;
}

/**
 * Pure: what changed since approval and what it touches. A done task's references are read against the
 * approved requirements (they were written and verified against them), an open task's against the current
 * ones (it is still to be done); an id unknown in that version is tried in the other.
 */
export function analyzeImpact(input: ImpactInput): SpecImpactAnalysis {
  const diff =
    input.approvedRequirements && input.requirements
      ? diffRequirements(input.approvedRequirements, input.requirements)
      : undefined;
  const tasks = flattenTasks(input.tasks?.tasks ?? []);
  const reverse = new Map([...(diff?.idMap ?? new Map<string, string>())].map(([from, to]) => [to, from]));
  const changedOld = new Map<string, CriterionChange>();
  const changedNew = new Map<string, CriterionChange>();
  for (const change of diff?.criteria ?? []) {
    if (change.oldId !== undefined && change.kind !== "renumbered") changedOld.set(change.oldId, change);
    if (change.newId !== undefined && change.kind !== "renumbered") changedNew.set(change.newId, change);
  }
  // Each task's criteria as the change sees them: old ids for done tasks, new ids for open ones.
  const perTask = tasks.map((task) => {
    const done = task.status === "done";
    const primary = taskCriteriaIn(task, done ? input.approvedRequirements : input.requirements);
    const secondary = taskCriteriaIn(task, done ? input.requirements : input.approvedRequirements);
    const oldIds = new Set<string>();
    const newIds = new Set<string>();
    for (const id of primary.covered) {
      if (done) oldIds.add(id);
      else newIds.add(id);
    }
    for (const id of primary.unknown) {
      if (!secondary.covered.has(id)) continue;
      if (done) newIds.add(id);
      else oldIds.add(id);
    }
    for (const id of [...oldIds]) {
      const mapped = diff?.idMap.get(id);
      if (mapped !== undefined) newIds.add(mapped);
    }
    for (const id of [...newIds]) {
      const mapped = reverse.get(id);
      if (mapped !== undefined) oldIds.add(mapped);
    }
    return { task, done, oldIds, newIds };
  });

  const chunks = input.design ? designChunks(input.design.source) : [];
  const criteria: CriterionImpact[] = (diff?.criteria ?? []).map((change) => {
    const requirementId =
      change.newId !== undefined
        ? requirementOf(input.requirements, change.newId)
        : requirementOf(input.approvedRequirements, change.oldId ?? "");
    const oldRequirement =
      change.oldId === undefined ? undefined : requirementOf(input.approvedRequirements, change.oldId);
    const ids = [change.oldId, change.newId].filter((id): id is string => id !== undefined);
    const requirementIds = [requirementId, oldRequirement].filter((id): id is string => id !== undefined);
    const designSections = chunksMentioning(chunks, { criterionIds: ids, requirementIds, propertyNumbers: [] }).map(
      (chunk) => chunk.heading,
    );
    const properties = (input.design?.properties ?? [])
      .filter(
        (property) =>
          property.validates?.all === true ||
          (property.validates?.ids ?? []).some((id) => ids.includes(id) || requirementIds.includes(id)),
      )
      .map((property) => ({ number: property.number, title: property.title }));
    const links: ImpactedTaskLink[] = [];
    for (const { task, done, oldIds, newIds } of perTask) {
      const references =
        (change.oldId !== undefined && oldIds.has(change.oldId)) ||
        (change.newId !== undefined && newIds.has(change.newId));
      const sibling =
        !references &&
        change.kind === "added" &&
        requirementId !== undefined &&
        [...newIds].some((id) => requirementOf(input.requirements, id) === requirementId);
      if (!references && !sibling) continue;
      links.push({
        id: task.id ?? null,
        title: task.title,
        status: task.status,
        relation: references ? "references" : "same-requirement",
        verifiedAgainstOlder: references && done && (change.kind === "reworded" || change.kind === "removed"),
      });
    }
    return { ...change, requirementId, designSections, properties, tasks: links };
  });

  const taskImpacts: TaskImpact[] = [];
  for (const { task, done, oldIds } of perTask) {
    const olderVersions = done ? [...oldIds].filter((id) => changedOld.get(id)?.kind === "reworded") : [];
    const removed = [...oldIds].filter((id) => changedOld.get(id)?.kind === "removed");
    const written = new Set(task.references.flatMap((line) => line.references.ids));
    const stale = done
      ? [...written].flatMap((id) => {
          const to = diff?.idMap.get(id);
          return to !== undefined && to !== id ? [{ from: id, to }] : [];
        })
      : [];
    if (olderVersions.length + removed.length + stale.length === 0) continue;
    taskImpacts.push({
      id: task.id ?? null,
      title: task.title,
      status: task.status,
      verifiedAgainstOlder: done ? [...olderVersions, ...removed] : [],
      removedCriteria: removed,
      implements: [...oldIds],
      staleReferences: stale,
    });
  }
  return {
    requirements: diff,
    criteria,
    tasks: taskImpacts,
    design: input.approvedDesign && input.design ? diffDesignSections(input.approvedDesign, input.design) : undefined,
    taskList: input.approvedTasks && input.tasks ? diffTaskList(input.approvedTasks, input.tasks) : undefined,
  };
}
