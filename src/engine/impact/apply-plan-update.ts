import { join } from "node:path";
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import { parseRequirements } from "../../model/requirements/parse-requirements.js";
import { editTextFile } from "../../workspace/edit-file.js";
import { readTextFileSync } from "../../workspace/read-text-file.js";
import type { ApprovalOptions } from "../approvals/approval-options.js";
import { documentHash } from "../approvals/document-hash.js";
import { resetApproval } from "../approvals/reset-approval.js";
import { EngineError } from "../errors/engine-error.js";
import { type PlanWavesOutcome, refreshPlanWaves } from "../task-waves/write-plan-waves.js";
import { specImpact } from "./spec-impact.js";
import { planUpdateFindings } from "./update-checks.js";

export interface ApplyPlanUpdateOptions extends ApprovalOptions {
  /** The revised tasks.md, written by the caller (an agent over MCP). */
  readonly content: string;
  /** SHA-256 of tasks.md as the caller read it: refused when the file changed since. Default: as it is now. */
  readonly baseSha256?: string;
  readonly prune?: boolean;
}

export interface PlanUpdateResult {
  readonly spec: string;
  readonly file: string;
  readonly changed: boolean;
  readonly diff: string;
  /** When tasks.md changed: the waves written into tasks.meta.json, or why not. */
  readonly waves?: PlanWavesOutcome;
}

/**
 * The `plan --update` guarantees for a plan someone else revised (an agent through `update_plan`): the same
 * deterministic checks, then an atomic write only if tasks.md is still what the caller read; the tasks
 * approval resets.
 */
export async function applyPlanUpdate(options: ApplyPlanUpdateOptions): Promise<PlanUpdateResult> {
  const impact = await specImpact(options);
  const folder = join(impact.root, ".kiro", "specs", impact.spec);
  const path = join(folder, "tasks.md");
  const file = `.kiro/specs/${impact.spec}/tasks.md`;
  const before = readTextFileSync(path);
  if (options.baseSha256 !== undefined && documentHash(before) !== options.baseSha256)
    throw changedMeanwhile(file, path);
  const requirements = parseRequirements(readTextFileSync(join(folder, "requirements.md")));
  const findings = planUpdateFindings(
    before,
    impact.analysis,
    requirements,
    options.prune === true,
  )(options.content, file);
  if (findings.length > 0) {
    throw new EngineError({
      code: "plan-update-refused",
      message: `The revised tasks.md breaks the update's guarantees: ${findings.map((finding) => finding.message).join(" ")}`,
      fix: findings.map((finding) => finding.fix).join(" "),
      path,
    });
  }
  const result = await editTextFile(path, (current) => {
    if (current !== before) throw changedMeanwhile(file, path);
    return options.content;
  });
  if (result.changed) await resetApproval({ root: impact.root, spec: impact.spec, phase: "tasks" });
  const waves = result.changed
    ? await refreshPlanWaves({ cwd: impact.root, root: impact.root, spec: impact.spec })
    : undefined;
  return {
    ...(waves ? { waves } : {}),
    spec: impact.spec,
    file,
    changed: result.changed,
    diff: createTwoFilesPatch("a/tasks.md", "b/tasks.md", before, options.content, undefined, undefined, {
      headerOptions: FILE_HEADERS_ONLY,
    }),
  };
}

function changedMeanwhile(file: string, path: string): EngineError {
  return new EngineError({
    code: "changed-meanwhile",
    message: `${file} changed since it was read for this update; nothing was written.`,
    fix: "Read tasks.md again, revise that, and call again.",
    path,
  });
}
