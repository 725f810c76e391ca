import { EngineError } from "../errors/engine-error.js";
import type { ApprovalOptions } from "./approval-options.js";
import { approvePhase } from "./approve-phase.js";
import { getApprovals } from "./get-approvals.js";
import { phaseGuidance } from "./phase-guidance.js";
import type { SpecPhase } from "./spec-phase.js";

/**
 * The gate before a phase that builds on `phase` (`design` needs approved requirements, `plan` an approved
 * design). Throws `not-approved` unless `phase` is approved (which implies every phase before it is).
 * With `approveOnTheWay` (a command's `--yes`) it approves, in order, each phase up to `phase` that is
 * not, and refuses only when a document is missing.
 */
export async function requireApproved(
  options: ApprovalOptions & { readonly phase: SpecPhase; readonly approveOnTheWay?: boolean },
): Promise<void> {
  const approvals = await getApprovals(options);
  const index = approvals.phases.findIndex((entry) => entry.phase === options.phase);
  const wanted = approvals.phases[index];
  if (!wanted) {
    throw new EngineError({
      code: "unknown-phase",
      kind: "usage",
      message: `Spec "${approvals.spec}" (${approvals.specType}) has no ${options.phase} phase.`,
      fix: `Its phases are ${approvals.phases.map((entry) => entry.phase).join(", ")}.`,
    });
  }
  if (wanted.state === "approved") return;
  const pending = approvals.phases.slice(0, index + 1).filter((entry) => entry.state !== "approved");
  const [first] = pending;
  if (!first) return;
  if (!options.approveOnTheWay) {
    throw new EngineError({
      code: "not-approved",
      message: `${wanted.document} of "${approvals.spec}" is not approved (${describe(pending)}).`,
      fix: phaseGuidance(
        approvals.spec,
        first,
        approvals.phases.map((entry) => entry.phase),
      ),
    });
  }
  for (const entry of pending) {
    await approvePhase({ ...options, spec: approvals.spec, root: approvals.root, phase: entry.phase });
  }
}

function describe(pending: readonly { document: string; state: string }[]): string {
  return pending.map((entry) => `${entry.document}: ${entry.state.replaceAll("-", " ")}`).join("; ");
}
