import { join } from "node:path";
import { readTextFileSync } from "../../workspace/read-text-file.js";
import type { SpecFolder } from "../../workspace/spec-folders.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";
import type { PhaseApprovalRecord } from "../approvals/approval-record.js";
import { ApprovedTextReader } from "../approvals/approved-text-store.js";
import { documentHash } from "../approvals/document-hash.js";
import { approvalTargetOf, readApprovalsRecord } from "../approvals/spec-approval-inputs.js";
import { EngineError } from "../errors/engine-error.js";
import { mayHaveApprovedRequirements } from "./may-have-approved-requirements.js";

/**
 * The approved requirements text of each spec whose requirements.md changed since its approval, by spec
 * name: what the drift rules compare with. Specs without an approvals file cost nothing; all blobs are read
 * with one git process. A damaged approvals file is left to the commands that write it.
 */
export async function readChangedApprovedRequirements(
  root: string,
  folders: readonly SpecFolder[],
): Promise<Map<string, string>> {
  const pending = new Map<string, PhaseApprovalRecord>();
  for (const folder of folders) {
    if (!mayHaveApprovedRequirements(folder)) continue;
    try {
      const record = (await readApprovalsRecord(await approvalTargetOf(root, folder))).approvals.requirements;
      if (!record || (record.blob === undefined && record.copy === undefined)) continue;
      if (documentHash(readTextFileSync(join(folder.path, "requirements.md"))) !== record.sha256) {
        pending.set(folder.name, record);
      }
    } catch (error) {
      if (!isWorkspaceError(error) && !(error instanceof EngineError)) throw error;
    }
  }
  const texts = await new ApprovedTextReader(root).read([...pending.values()]);
  const result = new Map<string, string>();
  for (const [spec, record] of pending) {
    const text = texts.get(record);
    if (text !== undefined) result.set(spec, text);
  }
  return result;
}

export { withApprovedRequirements } from "./with-approved-requirements.js";
