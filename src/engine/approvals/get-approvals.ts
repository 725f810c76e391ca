import type { SpecWorkflowType } from "../../model/settings/spec-config-schema.js";
import type { SpecFolder } from "../../workspace/spec-folders.js";
import type { SpecType } from "../status/spec-summary.js";
import type { ApprovalOptions } from "./approval-options.js";
import type { ApprovalsRecord } from "./approval-record.js";
import { computeApprovalStates, type DocumentHashes, type PhaseApproval } from "./approval-state.js";
import {
  type ApprovalTarget,
  approvalTargetOf,
  locateApprovalTarget,
  readApprovalsRecord,
  readDocumentHashes,
} from "./spec-approval-inputs.js";

/** A spec's phases in workflow order, each with its approval state. */
export interface SpecApprovals {
  readonly root: string;
  readonly spec: string;
  readonly specType: SpecType;
  readonly workflowType: SpecWorkflowType | undefined;
  /** Absolute path of the sidecar file (it may not exist yet). */
  readonly file: string;
  readonly phases: readonly PhaseApproval[];
}

export async function getApprovals(options: ApprovalOptions): Promise<SpecApprovals> {
  const target = await locateApprovalTarget(options);
  return describeApprovals(target, await readDocumentHashes(target), await readApprovalsRecord(target));
}

export function describeApprovals(
  target: ApprovalTarget,
  hashes: DocumentHashes,
  record: ApprovalsRecord,
): SpecApprovals {
  return {
    root: target.root,
    spec: target.spec,
    specType: target.specType,
    workflowType: target.workflowType,
    file: target.file,
    phases: computeApprovalStates(target.order, hashes, record),
  };
}

/**
 * The approvals of a spec folder already listed, for `status`: only documents with an approval on record are
 * read and hashed, so the `sha256` of the others is left out.
 */
export async function getFolderApprovals(root: string, folder: SpecFolder): Promise<SpecApprovals> {
  const target = await approvalTargetOf(root, folder);
  const record = await readApprovalsRecord(target, true);
  return describeApprovals(target, await readDocumentHashes(target, record), record);
}
