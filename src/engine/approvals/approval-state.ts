import type { ApprovalsRecord } from "./approval-record.js";
import type { SpecPhase } from "./spec-phase.js";

/**
 * - `missing`: the document does not exist.
 * - `unapproved`: it exists and was never approved (or its approval was reset).
 * - `approved`: approved with exactly these bytes, after every earlier phase.
 * - `changed-since-approval`: approved, but the file changed since.
 * - `stale`: its own approval still matches, but an earlier phase is not approved any more, or was
 *   approved again after this one, so this document was reviewed against an older version of it.
 */
export type ApprovalState = "missing" | "unapproved" | "approved" | "changed-since-approval" | "stale";

export interface PhaseApproval {
  readonly phase: SpecPhase;
  /** The document's file name, e.g. `requirements.md`. */
  readonly document: string;
  readonly state: ApprovalState;
  /** SHA-256 of the document as it is now; undefined when it is missing. */
  readonly sha256: string | undefined;
  /** The hash that was approved, when the phase has an approval on record. */
  readonly approvedSha256: string | undefined;
  readonly approvedAt: string | undefined;
}

/**
 * The current hash of each phase's document; a phase absent from the map has no document, and `null` is a
 * document that was not hashed because no approval of it is on record to compare with.
 */
export type DocumentHashes = Partial<Record<SpecPhase, string | null>>;

/** Pure: the approval state of each phase, in the given order, from the documents' hashes and the record. */
export function computeApprovalStates(
  order: readonly SpecPhase[],
  hashes: DocumentHashes,
  record: ApprovalsRecord,
): PhaseApproval[] {
  const result: PhaseApproval[] = [];
  let latestEarlierApproval = "";
  let earlierAllApproved = true;
  for (const phase of order) {
    const sha256 = hashes[phase];
    const approval = record.approvals[phase];
    const state = stateOf(sha256, approval?.sha256, () => {
      const approvedAt = approval?.approvedAt ?? "";
      return earlierAllApproved && timeOf(approvedAt) >= timeOf(latestEarlierApproval);
    });
    result.push({
      phase,
      document: `${phase}.md`,
      state,
      sha256: sha256 ?? undefined,
      approvedSha256: approval?.sha256,
      approvedAt: approval?.approvedAt,
    });
    if (state !== "approved") earlierAllApproved = false;
    if (approval && timeOf(approval.approvedAt) > timeOf(latestEarlierApproval)) {
      latestEarlierApproval = approval.approvedAt;
    }
  }
  return result;
}

function stateOf(
  current: string | null | undefined,
  approved: string | undefined,
  upToDateWithEarlier: () => boolean,
): ApprovalState {
  if (current === undefined) return "missing";
  if (approved === undefined) return "unapproved";
  // An unhashed document cannot be shown to match: report it changed rather than approved.
  if (approved !== current) return "changed-since-approval";
  return upToDateWithEarlier() ? "approved" : "stale";
}

/** Milliseconds of an ISO time; the empty string (no earlier approval) is the earliest. */
function timeOf(iso: string): number {
  if (iso === "") return Number.NEGATIVE_INFINITY;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** The first phase (in order) that is not approved, or undefined when all are. */
export function firstUnapproved(phases: readonly PhaseApproval[]): PhaseApproval | undefined {
  return phases.find((phase) => phase.state !== "approved");
}
