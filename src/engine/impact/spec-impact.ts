import { summarizeImpact } from "../../model/impact/impact-summary.js";
import { analyzeImpact, type SpecImpactAnalysis } from "../../model/impact/spec-impact.js";
import type { ApprovalOptions } from "../approvals/approval-options.js";
import { locateApprovalTarget, readApprovalsRecord } from "../approvals/spec-approval-inputs.js";
import { type DocumentBaseline, readSpecDocuments } from "./spec-documents.js";
import { taskCodeFiles } from "./task-code-files.js";

/** A done task next to the change, and the files its run changed (relative to the repository's top folder). */
export interface TaskCodeFiles {
  readonly taskId: string;
  readonly files: readonly string[];
}

export interface SpecImpact {
  readonly root: string;
  readonly spec: string;
  readonly documents: readonly DocumentBaseline[];
  readonly analysis: SpecImpactAnalysis;
  /** The done tasks named by the analysis and the code files their runs changed. */
  readonly codeFiles: readonly TaskCodeFiles[];
  /** One line: `2 criteria added, 1 done task to re-verify`; empty when nothing changed. */
  readonly summary: string;
}

/** What changed in a spec's documents since each was approved, and the design, tasks and code it touches. */
export async function specImpact(options: ApprovalOptions): Promise<SpecImpact> {
  const target = await locateApprovalTarget(options);
  const record = await readApprovalsRecord(target);
  const documents = await readSpecDocuments(target, record);
  const analysis = analyzeImpact(documents.input);
  const doneIds = new Set<string>();
  for (const criterion of analysis.criteria) {
    for (const task of criterion.tasks) if (task.status === "done" && task.id !== null) doneIds.add(task.id);
  }
  for (const task of analysis.tasks) if (task.status === "done" && task.id !== null) doneIds.add(task.id);
  const files = await taskCodeFiles(target.root, target.spec, [...doneIds]);
  return {
    root: target.root,
    spec: target.spec,
    documents: documents.baselines,
    analysis,
    codeFiles: [...doneIds].map((taskId) => ({ taskId, files: files.get(taskId) ?? [] })),
    summary: summarizeImpact(analysis),
  };
}
