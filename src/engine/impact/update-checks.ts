import { mentionedIds } from "../../model/design/design-mentions.js";
import type { SpecImpactAnalysis } from "../../model/impact/spec-impact.js";
import { taskCriteriaIn } from "../../model/impact/task-criteria.js";
import { normalizeText } from "../../model/impact/text-similarity.js";
import type { RequirementsDocument } from "../../model/requirements/requirements-types.js";
import { FILE_START } from "../../model/source/source-location.js";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import type { Task } from "../../model/tasks/task-types.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import type { CheckDiagnostic } from "../../rules/check-result.js";

/** The criteria a revision must cover: added or reworded ones, by their id now. */
export function criteriaToCover(analysis: SpecImpactAnalysis): string[] {
  return analysis.criteria.flatMap((change) =>
    (change.kind === "added" || change.kind === "reworded") && change.newId !== undefined ? [change.newId] : [],
  );
}

/** Done tasks the impact names (they implement a changed or removed criterion): the only ones a revision may edit. */
export function namedTasks(analysis: SpecImpactAnalysis): Set<string> {
  const named = new Set<string>();
  for (const task of analysis.tasks) if (task.id !== null) named.add(task.id);
  for (const change of analysis.criteria) {
    if (change.kind === "added") continue;
    for (const task of change.tasks) if (task.id !== null && task.relation === "references") named.add(task.id);
  }
  return named;
}

/** Tasks whose every criterion was removed: kept and flagged by an update, deleted only with `--prune`. */
export function orphanedTasks(analysis: SpecImpactAnalysis): string[] {
  return analysis.tasks.flatMap((task) =>
    task.id !== null &&
    task.removedCriteria.length > 0 &&
    task.removedCriteria.length === task.verifiedAgainstOlder.length
      ? [task.id]
      : [],
  );
}

function finding(file: string, rule: string, message: string, fix: string, task?: Task): CheckDiagnostic {
  return { rule: `update/${rule}`, severity: "error", file, location: task?.location ?? FILE_START, message, fix };
}

/** `1.10` after `1.9`: ids compared part by part as numbers. */
function compareIds(left: string, right: string): number {
  const a = left.split(".").map(Number);
  const b = right.split(".").map(Number);
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? -1) - (b[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

function parentOf(id: string): string {
  return id.includes(".") ? id.slice(0, id.lastIndexOf(".")) : "";
}

/**
 * The guarantees of `plan --update`, checked on the revised text (the repair loop sends violations back):
 * done tasks keep id, marker and text unless the impact names them; no task is renumbered; new ids come
 * after the existing ones; a task whose criteria were removed stays unless `prune`; every new or changed
 * criterion is covered by a task.
 */
export function planUpdateFindings(
  before: string,
  analysis: SpecImpactAnalysis,
  requirements: RequirementsDocument | undefined,
  prune: boolean,
): (after: string, file: string) => CheckDiagnostic[] {
  const old = flattenTasks(parseTasks(before).tasks).filter((task) => task.id !== undefined);
  const named = namedTasks(analysis);
  const orphans = new Set(orphanedTasks(analysis));
  const cover = criteriaToCover(analysis);
  return (after, file) => {
    const revised = flattenTasks(parseTasks(after).tasks);
    const byId = new Map(revised.filter((task) => task.id !== undefined).map((task) => [task.id ?? "", task]));
    const findings: CheckDiagnostic[] = [];
    for (const task of old) {
      const id = task.id ?? "";
      const now = byId.get(id);
      if (!now) {
        if (orphans.has(id) && prune) continue;
        if (task.status === "done" || orphans.has(id)) {
          findings.push(
            finding(
              file,
              "task-removed",
              `Task ${id} (${task.title}) is gone from the revision${orphans.has(id) ? ": its criteria were removed, but a task is only deleted with --prune" : ""}.`,
              `Keep task ${id} as it was${orphans.has(id) ? ", with a note that its criteria were removed" : ""}; never renumber existing tasks.`,
            ),
          );
        }
        continue;
      }
      if (task.status !== "done" || named.has(id)) continue;
      if (now.marker !== task.marker || normalizeText(now.title) !== normalizeText(task.title)) {
        findings.push(
          finding(
            file,
            "done-task-changed",
            `Done task ${id} changed (was "[${task.marker}] ${task.title}"), but no change to the requirements touches it.`,
            `Put task ${id} back exactly as it was: "[${task.marker}] ${id}. ${task.title}".`,
            now,
          ),
        );
      }
    }
    const oldIds = new Set(old.map((task) => task.id ?? ""));
    for (const task of revised) {
      const id = task.id;
      if (id === undefined || oldIds.has(id)) continue;
      const siblings = old.filter((existing) => parentOf(existing.id ?? "") === parentOf(id));
      const last = siblings
        .map((existing) => existing.id ?? "")
        .sort(compareIds)
        .at(-1);
      if (last !== undefined && compareIds(id, last) < 0) {
        findings.push(
          finding(
            file,
            "new-task-id",
            `New task ${id} is numbered before existing task ${last}: existing tasks keep their ids and new ones come after them.`,
            `Number it after ${last}, and put every existing task back under its own id.`,
            task,
          ),
        );
      }
    }
    const covered = new Set(revised.flatMap((task) => [...taskCriteriaIn(task, requirements).covered]));
    for (const id of cover) {
      if (covered.has(id)) continue;
      findings.push(
        finding(
          file,
          "criterion-uncovered",
          `Criterion ${id}, new or changed, is not covered by any task.`,
          `Add a task (numbered after the existing ones) with \`_Requirements: ${id}_\`, or add ${id} to the task that implements it.`,
        ),
      );
    }
    return findings;
  };
}

/** `design --update`: each new or changed criterion must be named in the design (`Requirements 2.2`). */
export function designUpdateFindings(analysis: SpecImpactAnalysis): (after: string, file: string) => CheckDiagnostic[] {
  const cover = criteriaToCover(analysis);
  return (after, file) => {
    const mentioned = mentionedIds(after);
    return cover
      .filter((id) => !mentioned.has(id))
      .map((id) =>
        finding(
          file,
          "criterion-not-designed",
          `Criterion ${id}, new or changed, is not mentioned in the revised design.`,
          `Describe how the design meets it in the section it belongs to, naming it as (Requirements ${id}).`,
        ),
      );
  };
}
