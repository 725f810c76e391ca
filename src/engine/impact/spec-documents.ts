import { join } from "node:path";
import { parseDesign } from "../../model/design/parse-design.js";
import type { ImpactInput } from "../../model/impact/spec-impact.js";
import { parseRequirements } from "../../model/requirements/parse-requirements.js";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import { readTextFileSync } from "../../workspace/read-text-file.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";
import type { ApprovalsRecord, PhaseApprovalRecord } from "../approvals/approval-record.js";
import { ApprovedTextReader } from "../approvals/approved-text-store.js";
import type { ApprovalTarget } from "../approvals/spec-approval-inputs.js";
import { phaseDocument, type SpecPhase } from "../approvals/spec-phase.js";

/** How a document's approved text can be compared: kept, approved before texts were kept, or never approved. */
export type BaselineState = "kept" | "not-kept" | "not-approved";

export interface DocumentBaseline {
  readonly phase: SpecPhase;
  readonly document: string;
  readonly baseline: BaselineState;
  readonly exists: boolean;
  /** The current text differs from the approved one (false without a baseline). */
  readonly changed: boolean;
  readonly approvedAt?: string;
  readonly commit?: string;
  readonly dirty?: boolean;
}

/** The approved and current texts of a spec's documents, and the model input that compares them. */
export interface SpecDocuments {
  readonly baselines: readonly DocumentBaseline[];
  readonly approvedTexts: Partial<Record<SpecPhase, string>>;
  readonly currentTexts: Partial<Record<SpecPhase, string>>;
  readonly input: ImpactInput;
}

export async function readSpecDocuments(
  target: ApprovalTarget,
  record: ApprovalsRecord,
  reader: ApprovedTextReader = new ApprovedTextReader(target.root),
): Promise<SpecDocuments> {
  const records = target.order.flatMap((phase) => {
    const approval = record.approvals[phase];
    return approval ? [approval] : [];
  });
  const kept = await reader.read(records);
  const approvedTexts: Partial<Record<SpecPhase, string>> = {};
  const currentTexts: Partial<Record<SpecPhase, string>> = {};
  const baselines: DocumentBaseline[] = [];
  for (const phase of target.order) {
    const current = readIfExists(join(target.folder.path, phaseDocument(phase)));
    if (current !== undefined) currentTexts[phase] = current;
    const approval: PhaseApprovalRecord | undefined = record.approvals[phase];
    const approved = approval ? kept.get(approval) : undefined;
    if (approved !== undefined) approvedTexts[phase] = approved;
    baselines.push({
      phase,
      document: phaseDocument(phase),
      baseline: approval === undefined ? "not-approved" : approved === undefined ? "not-kept" : "kept",
      exists: current !== undefined,
      changed: approved !== undefined && approved !== current,
      ...(approval === undefined
        ? {}
        : {
            approvedAt: approval.approvedAt,
            ...(approval.commit === undefined ? {} : { commit: approval.commit }),
            ...(approval.dirty === undefined ? {} : { dirty: approval.dirty }),
          }),
    });
  }
  const parsed = <T>(text: string | undefined, parse: (text: string) => T) =>
    text === undefined ? undefined : parse(text);
  const input: ImpactInput = {
    ...optional("approvedRequirements", parsed(approvedTexts.requirements, parseRequirements)),
    ...optional("requirements", parsed(currentTexts.requirements, parseRequirements)),
    ...optional("approvedDesign", parsed(approvedTexts.design, parseDesign)),
    ...optional("design", parsed(currentTexts.design, parseDesign)),
    ...optional("approvedTasks", parsed(approvedTexts.tasks, parseTasks)),
    ...optional("tasks", parsed(currentTexts.tasks, parseTasks)),
  };
  return { baselines, approvedTexts, currentTexts, input };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function readIfExists(path: string): string | undefined {
  try {
    return readTextFileSync(path);
  } catch (error) {
    if (isWorkspaceError(error, "not-found")) return undefined;
    throw error;
  }
}
