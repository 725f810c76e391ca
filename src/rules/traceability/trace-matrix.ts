import type { BugfixClause } from "../../model/bugfix/bugfix-types.js";
import type { Criterion } from "../../model/requirements/requirements-types.js";
import type { Task, TaskStatus } from "../../model/tasks/task-types.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import type { SpecModel } from "../workspace-model.js";
import { coveredBy, type KnownIds, knownIds } from "./known-ids.js";

export interface TraceRow {
  readonly criterion: string;
  readonly text: string;
  readonly line: number;
  readonly tasks: readonly { readonly id: string | null; readonly title: string; readonly status: TaskStatus }[];
  readonly properties: readonly { readonly number: string; readonly title: string }[];
}

export interface TraceMatrix {
  /** Uncovered criteria first, then in document order. */
  readonly rows: readonly TraceRow[];
  readonly summary: {
    readonly criteria: number;
    readonly covered: number;
    readonly uncovered: number;
    readonly done: number;
  };
  /**
   * Why there is nothing to trace, when no criterion was read: "requirements.md: no criteria read — see
   * info …". A matrix of 0/0 would read as "all covered".
   */
  readonly unread?: string;
}

/**
 * The criteria a matrix has rows for: every criterion, and the bugfix clauses but the defect description.
 * Loops, not spreads of `flatMap` and `filter`: this runs for every spec of a check, mostly unoptimized.
 */
function tracedCriteria(spec: SpecModel): (Criterion | BugfixClause)[] {
  const traced: (Criterion | BugfixClause)[] = [];
  for (const requirement of spec.requirements?.document.requirements ?? [])
    for (const criterion of requirement.criteria) traced.push(criterion);
  for (const clause of spec.bugfix?.document.clauses ?? []) if (clause.group !== "current") traced.push(clause);
  return traced;
}

/** Adds to `covered` the criterion ids one task's reference lines cover (`All`, whole requirements, ids). */
function addCoveredByTask(
  task: Task,
  known: KnownIds | undefined,
  everything: readonly string[],
  covered: Set<string>,
): void {
  for (const line of task.references) {
    if (line.references.all) for (const id of everything) covered.add(id);
    if (known)
      for (const id of line.references.ids) for (const criterion of coveredBy(id, known)) covered.add(criterion);
  }
}

/**
 * The ids of the criteria some task covers: the covered rows of `buildTraceMatrix`, without building the
 * rows (the `uncovered-criterion` rule needs only this, for every spec of a check).
 */
export function coveredCriterionIds(spec: SpecModel): Set<string> {
  const everything: string[] = [];
  for (const criterion of tracedCriteria(spec)) everything.push(criterion.id);
  const known = knownIds(spec);
  const byTasks = new Set<string>();
  for (const task of flattenTasks(spec.tasks?.document.tasks ?? [])) addCoveredByTask(task, known, everything, byTasks);
  const covered = new Set<string>();
  for (const id of everything) if (byTasks.has(id)) covered.add(id);
  return covered;
}

/** Criterion → the tasks that reference it (with status) → the design properties that validate it. */
export function buildTraceMatrix(spec: SpecModel): TraceMatrix {
  const known = knownIds(spec);
  const criteria = tracedCriteria(spec);
  const tasksByCriterion = new Map<string, TraceRow["tasks"][number][]>();
  const propertiesByCriterion = new Map<string, TraceRow["properties"][number][]>();
  const add = <T>(map: Map<string, T[]>, id: string, value: T) => {
    const list = map.get(id);
    if (list) list.push(value);
    else map.set(id, [value]);
  };
  const everything = criteria.map((criterion) => criterion.id);
  for (const task of flattenTasks(spec.tasks?.document.tasks ?? [])) {
    const covered = new Set<string>();
    addCoveredByTask(task, known, everything, covered);
    for (const id of covered)
      add(tasksByCriterion, id, { id: task.id ?? null, title: task.title, status: task.status });
  }
  for (const property of spec.design?.document.properties ?? []) {
    const covered = new Set(property.validates?.all ? everything : []);
    for (const id of property.validates?.ids ?? [])
      for (const criterion of known ? coveredBy(id, known) : []) covered.add(criterion);
    for (const id of covered) add(propertiesByCriterion, id, { number: property.number, title: property.title });
  }
  const rows = criteria.map((criterion) => ({
    criterion: criterion.id,
    text: criterion.text,
    line: criterion.location.line,
    tasks: tasksByCriterion.get(criterion.id) ?? [],
    properties: propertiesByCriterion.get(criterion.id) ?? [],
  }));
  const uncovered = rows.filter((row) => row.tasks.length === 0);
  const done = rows.filter((row) => row.tasks.length > 0 && row.tasks.every((task) => task.status === "done")).length;
  const summary = { criteria: rows.length, covered: rows.length - uncovered.length, uncovered: uncovered.length, done };
  const ordered = [...uncovered, ...rows.filter((row) => row.tasks.length > 0)];
  const unread = rows.length === 0 ? whyUnread(spec) : undefined;
  return unread === undefined ? { rows: ordered, summary } : { rows: ordered, summary, unread };
}

/** The `check` rule that reports each parser diagnostic that can leave a spec without criteria. */
const RULE_OF_CODE: Readonly<Record<string, string>> = {
  "requirements/no-requirements": "structure/no-requirements",
  "requirements/no-criteria": "structure/requirement-without-criteria",
  "requirements/unknown-criteria-label": "structure/unknown-criteria-label",
  "bugfix/missing-section": "structure/bugfix-missing-section",
};

/** The parser's own account of why a spec's requirements gave no criteria. */
function whyUnread(spec: SpecModel): string {
  const file = spec.requirements ?? spec.bugfix;
  if (!file) return "no requirements.md or bugfix.md: no criteria to trace";
  const name = file.path.slice(file.path.lastIndexOf("/") + 1);
  const first =
    file.document.diagnostics.find((diagnostic) => diagnostic.severity === "info") ?? file.document.diagnostics[0];
  const rule = first ? (RULE_OF_CODE[first.code] ?? first.code) : "";
  const hint = first
    ? ` — see ${first.severity} ${rule} on line ${first.location.line}: ${first.message}`
    : " — no requirement heading with an acceptance criteria list was recognised";
  return `${name}: no criteria read${hint}`;
}
