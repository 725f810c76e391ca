import { FILE_START } from "../../model/source/source-location.js";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { defineRule, type Rule } from "../../rules/rule.js";
import type { DriftReport } from "./drift-types.js";

/** The findings of `drift`, described like check rules so SARIF (and code scanning) can show them. */
export const DRIFT_RULES: readonly Rule[] = [
  defineRule({
    id: "drift/code-changed-after-done",
    family: "drift",
    severity: "warning",
    summary:
      "A file a done task changed was changed again by a later commit: the task's verification no longer covers it.",
    fix: "Check the change against the task's criteria; re-verify (`specwright run <spec> --reverify --task <id>`) or record the deviation (`specwright sync <spec>`).",
    check: () => [],
  }),
  defineRule({
    id: "drift/code-without-spec-change",
    family: "drift",
    severity: "warning",
    summary: "Code a spec owns changed in this branch while none of the spec's documents did.",
    fix: "Update the spec's requirements, design or tasks to say what changed, or confirm the change needs none.",
    check: () => [],
  }),
];

/** The report as diagnostics on the code files (paths relative to the repository's top folder). */
export function driftDiagnostics(report: DriftReport): CheckDiagnostic[] {
  const diagnostics: CheckDiagnostic[] = [];
  for (const task of report.tasks) {
    for (const file of task.files) {
      const commits = file.commits.map((commit) => `${commit.commit.slice(0, 12)} ${commit.subject}`).join("; ");
      diagnostics.push({
        rule: "drift/code-changed-after-done",
        severity: "warning",
        file: file.path,
        location: FILE_START,
        message: `Changed since task ${task.taskId} of spec "${task.spec}" (${task.title}) was verified on ${task.verifiedAt}, by ${commits}.`,
        fix: `Re-verify it (\`specwright run ${task.spec} --reverify --task ${task.taskId}\`) or record the deviation in the spec (\`specwright sync ${task.spec}\`).`,
      });
    }
  }
  for (const change of report.unspecified) {
    for (const file of change.files) {
      diagnostics.push({
        rule: "drift/code-without-spec-change",
        severity: "warning",
        file,
        location: FILE_START,
        message: `Spec "${change.spec}" owns this file (${change.ownedBy.join(" and ")}), which changed since ${report.base?.ref ?? "the base"} while none of its documents did.`,
        fix: `Update .kiro/specs/${change.spec}/ (requirements, design or tasks) to match, or confirm the change needs no spec update.`,
      });
    }
  }
  return diagnostics;
}
