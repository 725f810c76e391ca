import { approvePhase } from "../approvals/approve-phase.js";
import { getApprovals } from "../approvals/get-approvals.js";
import { locateApprovalTarget } from "../approvals/spec-approval-inputs.js";
import type { SpecPhase } from "../approvals/spec-phase.js";
import { type AuthorDocumentOptions, authorDocument } from "./author-document.js";
import type { AuthoredDocument } from "./authored-document.js";
import type { AuthoringOptions } from "./authoring-options.js";

export interface QuickSpecResult {
  /** The documents after the first, in workflow order, as far as they were written. */
  readonly documents: readonly AuthoredDocument[];
  /** Phases approved by the quick path (all of them when every document passed its checks). */
  readonly approved: readonly SpecPhase[];
}

/**
 * `new --quick`: after the first document, the rest in one pass, each checked and repaired like any other
 * (`authorDocument` approving the one before on the way), then the last approved too. A document that stays a
 * draft stops the pass: nothing after it is written or approved.
 */
export async function completeQuickSpec(
  options: AuthoringOptions & Pick<AuthorDocumentOptions, "spec" | "allRequired">,
): Promise<QuickSpecResult> {
  const target = await locateApprovalTarget(options);
  const documents: AuthoredDocument[] = [];
  for (const document of target.order.slice(1)) {
    const written = await authorDocument({ ...options, root: target.root, document, approveOnTheWay: true });
    documents.push(written);
    if (written.status !== "written") return { documents, approved: await approvedPhases(options, target.order) };
  }
  await approvePhase({ root: target.root, spec: options.spec, phase: target.order.at(-1) });
  return { documents, approved: await approvedPhases(options, target.order) };
}

async function approvedPhases(options: AuthoringOptions & { readonly spec: string }, order: readonly SpecPhase[]) {
  const approvals = await getApprovals({ ...(options.root ? { root: options.root } : {}), spec: options.spec });
  return order.filter((phase) => approvals.phases.some((entry) => entry.phase === phase && entry.state === "approved"));
}
