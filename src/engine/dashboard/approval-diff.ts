import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import { getApprovals } from "../approvals/get-approvals.js";
import { locateApprovalTarget, readApprovalsRecord } from "../approvals/spec-approval-inputs.js";
import type { SpecPhase } from "../approvals/spec-phase.js";
import { EngineError } from "../errors/engine-error.js";
import { readSpecDocuments } from "../impact/spec-documents.js";
import { type DashboardApprovalState, dashboardApprovalState, explainApprovalState } from "./approval-labels.js";

export interface ApprovalDiff {
  readonly spec: string;
  readonly phase: SpecPhase;
  readonly document: string;
  readonly state: DashboardApprovalState;
  readonly approvedAt?: string;
  readonly explanation: string;
  /** Unified diff from the approved text to the current one; empty when unchanged or nothing was kept. */
  readonly diff: string;
}

/** A document's approval state, and what changed since its approval (from the text the approval kept). */
export async function approvalDiff(options: {
  readonly root: string;
  readonly spec: string;
  readonly phase: SpecPhase;
}): Promise<ApprovalDiff> {
  const workspace = { cwd: options.root, root: options.root, spec: options.spec };
  const target = await locateApprovalTarget(workspace);
  if (!target.order.includes(options.phase)) {
    throw new EngineError({
      code: "unknown-phase",
      kind: "usage",
      message: `Spec "${target.spec}" (${target.specType}) has no ${options.phase} phase; its phases are ${target.order.join(", ")}.`,
      fix: `Ask for one of ${target.order.join(", ")}.`,
      candidates: [...target.order],
    });
  }
  const [approvals, documents] = await Promise.all([
    getApprovals(workspace),
    readApprovalsRecord(target).then((record) => readSpecDocuments(target, record)),
  ]);
  const approval = approvals.phases.find((phase) => phase.phase === options.phase);
  const baseline = documents.baselines.find((entry) => entry.phase === options.phase);
  const document = approval?.document ?? `${options.phase}.md`;
  const approved = documents.approvedTexts[options.phase];
  const current = documents.currentTexts[options.phase] ?? "";
  const state = approval?.state ?? "missing";
  let explanation = explainApprovalState(document, state, approval?.approvedAt);
  if (baseline?.baseline === "not-kept") {
    explanation += " The approved text was not kept (approved before Specwright kept texts), so no diff can be shown.";
  }
  const diff =
    approved === undefined || approved === current
      ? ""
      : createTwoFilesPatch(`a/${document}`, `b/${document}`, approved, current, undefined, undefined, {
          headerOptions: FILE_HEADERS_ONLY,
        });
  return {
    spec: target.spec,
    phase: options.phase,
    document,
    state: dashboardApprovalState(state),
    ...(approval?.approvedAt === undefined ? {} : { approvedAt: approval.approvedAt }),
    explanation,
    diff,
  };
}
