import { summarizeImpact } from "../../model/impact/impact-summary.js";
import { analyzeImpact } from "../../model/impact/spec-impact.js";
import type { SpecFolder } from "../../workspace/spec-folders.js";
import { approvalTargetOf, readApprovalsRecord } from "../approvals/spec-approval-inputs.js";
import { readSpecDocuments } from "./spec-documents.js";

/** The one-line impact of a spec folder already listed, for `status` (no checkpoints read). */
export async function impactSummaryOfFolder(root: string, folder: SpecFolder): Promise<string> {
  const target = await approvalTargetOf(root, folder);
  const documents = await readSpecDocuments(target, await readApprovalsRecord(target));
  return summarizeImpact(analyzeImpact(documents.input));
}
