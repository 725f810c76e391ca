import type { ApprovalInfo } from "../api/api-types";

const stateWords: Record<string, string> = {
  approved: "approved",
  changed: "changed since approval",
  stale: "stale",
  unapproved: "not approved",
};

export function ApprovalChip({ document, approval }: { readonly document: string; readonly approval: ApprovalInfo }) {
  return (
    <span class={`chip approval-${approval.state}`} title={approval.explanation ?? stateWords[approval.state]}>
      {document}: {stateWords[approval.state] ?? approval.state}
    </span>
  );
}
