import type { Criterion } from "../../model/requirements/requirements-types.js";
import type { SourceLocation } from "../../model/source/source-location.js";
import type { Task } from "../../model/tasks/task-types.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { defineRule, type Finding } from "../rule.js";
import type { SpecModel } from "../workspace-model.js";
import { taskIdLocation } from "./id-location.js";
import { describeRange, type NumberGap, numberGaps } from "./number-gaps.js";

/** `7`, `R3`, `US-04`: a prefix and the number that counts up; `6a` and `1.2` style ids are not sequences. */
const COUNTED_ID = /^([A-Za-z]*-?)(\d+)$/;

const PLURAL: Readonly<Record<string, string>> = { Criterion: "Criteria" };

export const skippedId = defineRule({
  id: "structure/skipped-id",
  family: "structure",
  severity: "warning",
  summary: "Requirement, criterion, bugfix clause or task numbers skip a value (1, 2, 4), often a sign of a lost item.",
  fix: "Renumber without gaps, or restore the missing item (and update references to the renumbered ones).",
  // One array filled by plain functions: generators run slowly until optimized, and a cold check is
  // mostly unoptimized code.
  check(workspace) {
    const findings: Finding[] = [];
    for (const spec of workspace.specs) {
      skippedRequirementIds(spec, findings);
      skippedBugfixIds(spec, findings);
      skippedTaskIds(spec, findings);
    }
    return findings;
  },
});

function gapFinding(
  file: string,
  location: SourceLocation,
  kind: string,
  prefix: string,
  gap: NumberGap<unknown>,
  nextId: string,
): Finding {
  const missing = describeRange(prefix, gap.from, gap.to);
  const plural = gap.from === gap.to ? `${kind} ${missing} is` : `${PLURAL[kind] ?? `${kind}s`} ${missing} are`;
  const jump =
    gap.before === undefined
      ? `the numbering starts at ${nextId}`
      : `the numbering jumps from ${prefix}${gap.before} to ${nextId}`;
  return {
    file,
    location,
    message: `${plural} missing: ${jump}.`,
    fix: `Renumber from ${prefix}${gap.from} on, or restore the missing ${kind.toLowerCase()}; update references to renumbered ids.`,
  };
}

function skippedRequirementIds(spec: SpecModel, findings: Finding[]): void {
  const file = spec.requirements;
  if (!file) return;
  const byPrefix = new Map<string, { id: string; number: number; location: SourceLocation }[]>();
  for (const requirement of file.document.requirements) {
    const match = COUNTED_ID.exec(requirement.id);
    if (!match) continue;
    const prefix = match[1] ?? "";
    const group = byPrefix.get(prefix) ?? [];
    group.push({ id: requirement.id, number: Number(match[2]), location: requirement.location });
    byPrefix.set(prefix, group);
  }
  for (const [prefix, requirements] of byPrefix) {
    for (const gap of numberGaps(requirements, (requirement) => requirement.number, false)) {
      findings.push(gapFinding(file.path, gap.next.location, "Requirement", prefix, gap, gap.next.id));
    }
  }
  for (const requirement of file.document.requirements) {
    // Bulleted criteria are numbered by position and cannot skip; each sub-group (`29a.N`) counts on its own.
    const byGroup = new Map<string, Criterion[]>();
    for (const criterion of requirement.criteria) {
      if (criterion.rawNumber === undefined) continue;
      const owner = criterion.group ?? requirement.id;
      const list = byGroup.get(owner);
      if (list) list.push(criterion);
      else byGroup.set(owner, [criterion]);
    }
    for (const [owner, numbered] of byGroup) skippedCriterionIds(file.path, owner, numbered, findings);
  }
}

function skippedCriterionIds(file: string, owner: string, numbered: readonly Criterion[], findings: Finding[]): void {
  for (const gap of numberGaps(numbered, (criterion) => criterion.number, true)) {
    const start = gap.next.location;
    const width = gap.next.rawNumber?.length ?? 0;
    findings.push(
      gapFinding(
        file,
        { ...start, endOffset: start.offset + width, endLine: start.line, endColumn: start.column + width },
        "Criterion",
        `${owner}.`,
        gap,
        gap.next.id,
      ),
    );
  }
}

function skippedBugfixIds(spec: SpecModel, findings: Finding[]): void {
  const file = spec.bugfix;
  if (!file) return;
  for (const group of ["current", "expected", "unchanged"] as const) {
    const clauses = file.document.clauses.filter((clause) => clause.group === group && clause.rawNumber !== undefined);
    const prefix = clauses[0]?.id.replace(/\d+$/, "") ?? "";
    for (const gap of numberGaps(clauses, (clause) => clause.number, true)) {
      findings.push(gapFinding(file.path, gap.next.location, "Clause", prefix, gap, gap.next.id));
    }
  }
}

function skippedTaskIds(spec: SpecModel, findings: Finding[]): void {
  const file = spec.tasks;
  if (!file) return;
  // Grouped by the id's prefix over the whole file, not by the parsed tree: a heading between `2.1` and
  // `2.2` ends the tree branch, yet 2.2 still follows 2.1.
  const byPrefix = new Map<string, { id: string; number: number; task: Task }[]>();
  for (const task of flattenTasks(file.document.tasks)) {
    if (task.id === undefined) continue;
    const last = task.id.lastIndexOf(".");
    const prefix = last === -1 ? "" : task.id.slice(0, last + 1);
    const group = byPrefix.get(prefix);
    const entry = { id: task.id, number: Number(task.id.slice(last + 1)), task };
    if (group) group.push(entry);
    else byPrefix.set(prefix, [entry]);
  }
  for (const [prefix, tasks] of byPrefix) {
    for (const gap of numberGaps(tasks, (task) => task.number, prefix !== "")) {
      // Located only when reported: most task lists have no gap.
      const location = taskIdLocation(file.document.source, gap.next.task);
      findings.push(gapFinding(file.path, location, "Task", prefix, gap, gap.next.id));
    }
  }
}
