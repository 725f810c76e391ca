import { join } from "node:path";
import { writeFileAtomic } from "../../workspace/atomic-write.js";
import { withFileLock } from "../../workspace/file-lock.js";
import { readTextFileSync } from "../../workspace/read-text-file.js";
import { EngineError } from "../errors/engine-error.js";
import type { ApprovalOptions } from "./approval-options.js";
import { type ApprovalsRecord, serializeApprovalsRecord } from "./approval-record.js";
import { firstUnapproved, type PhaseApproval } from "./approval-state.js";
import { keepApprovedText } from "./approved-text-store.js";
import { documentHash } from "./document-hash.js";
import { describeApprovals, type SpecApprovals } from "./get-approvals.js";
import { phaseGuidance } from "./phase-guidance.js";
import {
  type ApprovalTarget,
  locateApprovalTarget,
  readApprovalsRecord,
  readDocumentHashes,
} from "./spec-approval-inputs.js";
import { phaseDocument, type SpecPhase } from "./spec-phase.js";

export interface ApprovalResult {
  readonly root: string;
  readonly spec: string;
  readonly phase: SpecPhase;
  /** The approved document's SHA-256. */
  readonly sha256: string;
  readonly approvedAt: string;
  /** True when the phase was approved with these exact bytes already; nothing was written then. */
  readonly alreadyApproved: boolean;
  /** Every phase's state after the approval. */
  readonly approvals: SpecApprovals;
}

/**
 * Records that a phase's document, as it is on disk now, is approved. Without `phase`, the first phase
 * (in workflow order) that is not approved. Refused when the document is missing or an earlier phase is not
 * approved. The sidecar is read, changed and written under its lock, so concurrent approvals lose nothing.
 */
export async function approvePhase(options: ApprovalOptions & { readonly phase?: SpecPhase }): Promise<ApprovalResult> {
  const target = await locateApprovalTarget(options);
  return withFileLock(target.file, async () => {
    const record = await readApprovalsRecord(target);
    const before = describeApprovals(target, await readDocumentHashes(target), record);
    const wanted = choosePhase(target, before.phases, options.phase);
    const blocker = before.phases
      .slice(0, before.phases.indexOf(wanted))
      .find((earlier) => earlier.state !== "approved");
    if (blocker) throw earlierPhaseNotApproved(target, wanted, blocker);
    if (wanted.sha256 === undefined) throw documentMissing(target, wanted);
    if (wanted.state === "approved" && wanted.approvedAt !== undefined) {
      return result(target, wanted.phase, wanted.sha256, wanted.approvedAt, true, before);
    }
    const approvedAt = new Date().toISOString();
    const kept = await keepApprovedText(target.root, readApprovedDocument(target, wanted), wanted.sha256);
    const next: ApprovalsRecord = {
      ...record,
      approvals: { ...record.approvals, [wanted.phase]: { sha256: wanted.sha256, approvedAt, ...kept } },
    };
    await writeFileAtomic(target.file, serializeApprovalsRecord(next));
    const after = describeApprovals(target, await readDocumentHashes(target), next);
    return result(target, wanted.phase, wanted.sha256, approvedAt, false, after);
  });
}

/**
 * The document's text as it is being approved. Read again here, under the sidecar's lock: if it changed
 * since it was hashed a moment ago, the approval is refused rather than recording a hash of other bytes.
 */
function readApprovedDocument(target: ApprovalTarget, wanted: PhaseApproval): string {
  const text = readTextFileSync(join(target.folder.path, phaseDocument(wanted.phase)));
  if (documentHash(text) === wanted.sha256) return text;
  throw new EngineError({
    code: "document-changed",
    message: `${wanted.document} of "${target.spec}" changed while it was being approved.`,
    fix: `Run \`specwright approve ${target.spec} ${wanted.phase}\` again once it is saved.`,
  });
}

function choosePhaseError(target: ApprovalTarget, phase: SpecPhase): EngineError {
  return new EngineError({
    code: "unknown-phase",
    kind: "usage",
    message: `Spec "${target.spec}" (${target.specType}) has no ${phase} phase; its phases are ${target.order.join(", ")}.`,
    fix: `Pass one of ${target.order.join(", ")}.`,
    candidates: [...target.order],
  });
}

function choosePhase(
  target: ApprovalTarget,
  phases: readonly PhaseApproval[],
  phase: SpecPhase | undefined,
): PhaseApproval {
  if (phase !== undefined) {
    const found = phases.find((entry) => entry.phase === phase);
    if (!found) throw choosePhaseError(target, phase);
    return found;
  }
  // Everything approved: approving "the next one" is the last one again, which changes nothing.
  const next = firstUnapproved(phases) ?? phases.at(-1);
  if (!next) throw new Error(`Spec ${target.spec} has no phases.`);
  return next;
}

function earlierPhaseNotApproved(target: ApprovalTarget, wanted: PhaseApproval, blocker: PhaseApproval): EngineError {
  const why = blocker.state === "missing" ? "does not exist yet" : `is ${blocker.state.replaceAll("-", " ")}`;
  return new EngineError({
    code: "earlier-phase-not-approved",
    message: `Cannot approve ${wanted.document} of "${target.spec}": ${blocker.document}, which comes before it, ${why}.`,
    fix: phaseGuidance(target.spec, blocker, target.order),
  });
}

function documentMissing(target: ApprovalTarget, wanted: PhaseApproval): EngineError {
  return new EngineError({
    code: "document-missing",
    message: `Spec "${target.spec}" has no ${wanted.document} to approve.`,
    fix: phaseGuidance(target.spec, wanted, target.order),
  });
}

function result(
  target: ApprovalTarget,
  phase: SpecPhase,
  sha256: string,
  approvedAt: string,
  alreadyApproved: boolean,
  approvals: SpecApprovals,
): ApprovalResult {
  return { root: target.root, spec: target.spec, phase, sha256, approvedAt, alreadyApproved, approvals };
}
