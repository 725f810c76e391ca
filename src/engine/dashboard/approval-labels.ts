import type { ApprovalState } from "../approvals/approval-state.js";

/** The dashboard's names of the approval states: `changed-since-approval` is shortened to `changed`. */
export type DashboardApprovalState = "approved" | "changed" | "stale" | "unapproved" | "missing";

export function dashboardApprovalState(state: ApprovalState): DashboardApprovalState {
  return state === "changed-since-approval" ? "changed" : state;
}

/** One sentence for a reviewer: what the state means and what to do about it. */
export function explainApprovalState(document: string, state: ApprovalState, approvedAt?: string): string {
  const when = approvedAt === undefined ? "" : ` on ${approvedAt}`;
  switch (state) {
    case "approved":
      return `${document} is approved with exactly these bytes${when}.`;
    case "changed-since-approval":
      return `${document} changed since it was approved${when}: review the diff and approve it again.`;
    case "stale":
      return `${document} is unchanged since its approval${when}, but a document before it changed or was approved again after it: review it against that one and approve it again.`;
    case "unapproved":
      return `${document} was never approved (or its approval was reset).`;
    case "missing":
      return `${document} does not exist yet.`;
  }
}
