import { writeFileAtomic } from "../../workspace/atomic-write.js";
import { withFileLock } from "../../workspace/file-lock.js";
import type { ApprovalOptions } from "./approval-options.js";
import { type ApprovalsRecord, serializeApprovalsRecord } from "./approval-record.js";
import { locateApprovalTarget, readApprovalsRecord } from "./spec-approval-inputs.js";
import type { SpecPhase } from "./spec-phase.js";

/**
 * Forgets a phase's approval (`refine` calls it after changing the document). The phases after it need no
 * entry removed: they show as stale until they are approved again after it.
 */
export async function resetApproval(options: ApprovalOptions & { readonly phase: SpecPhase }): Promise<void> {
  const target = await locateApprovalTarget(options);
  await withFileLock(target.file, async () => {
    const record = await readApprovalsRecord(target);
    if (record.approvals[options.phase] === undefined) return;
    const { [options.phase]: _removed, ...rest } = record.approvals;
    const next: ApprovalsRecord = { ...record, approvals: rest };
    await writeFileAtomic(target.file, serializeApprovalsRecord(next));
  });
}
