export type { ApprovalOptions } from "./approval-options.js";
export {
  APPROVALS_FILE_NAME,
  type ApprovalsRecord,
  ApprovalsRecordSchema,
  type PhaseApprovalRecord,
  parseApprovalsRecord,
} from "./approval-record.js";
export {
  type ApprovalState,
  computeApprovalStates,
  type DocumentHashes,
  firstUnapproved,
  type PhaseApproval,
} from "./approval-state.js";
export { type ApprovalResult, approvePhase } from "./approve-phase.js";
export { documentHash } from "./document-hash.js";
export { getApprovals, type SpecApprovals } from "./get-approvals.js";
export { requireApproved } from "./require-approved.js";
export { resetApproval } from "./reset-approval.js";
export { isSpecPhase, phaseOrder, SPEC_PHASES, type SpecPhase } from "./spec-phase.js";
