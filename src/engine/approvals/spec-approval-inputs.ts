import { join } from "node:path";
import { parseSpecConfig } from "../../model/settings/parse-spec-config.js";
import type { SpecWorkflowType } from "../../model/settings/spec-config-schema.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { listSpecFolders, type SpecFolder } from "../../workspace/spec-folders.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";
import { EngineError } from "../engine-error.js";
import { resolveSpecFolder } from "../resolve-spec.js";
import { readSpecSummary, type SpecType } from "../spec-summary.js";
import { resolveWorkspaceRoot } from "../workspace-context.js";
import type { ApprovalOptions } from "./approval-options.js";
import {
  APPROVALS_FILE_NAME,
  type ApprovalsRecord,
  EMPTY_APPROVALS_RECORD,
  parseApprovalsRecord,
} from "./approval-record.js";
import type { DocumentHashes } from "./approval-state.js";
import { documentHash } from "./document-hash.js";
import { phaseDocument, phaseOrder, type SpecPhase } from "./spec-phase.js";

/** A spec folder located for approvals: its phase order and the sidecar's path. */
export interface ApprovalTarget {
  readonly root: string;
  readonly spec: string;
  readonly folder: SpecFolder;
  readonly specType: SpecType;
  readonly workflowType: SpecWorkflowType | undefined;
  readonly order: readonly SpecPhase[];
  /** Absolute path of `.specwright-approvals.json`. */
  readonly file: string;
}

export async function locateApprovalTarget(options: ApprovalOptions): Promise<ApprovalTarget> {
  const root = await resolveWorkspaceRoot({
    cwd: options.cwd ?? process.cwd(),
    ...(options.root === undefined ? {} : { root: options.root }),
  });
  return approvalTargetOf(root, resolveSpecFolder(await listSpecFolders(root), options.spec));
}

/** The approval target of a spec folder already listed (status lists every folder once). */
export async function approvalTargetOf(root: string, folder: SpecFolder): Promise<ApprovalTarget> {
  const summary = await readSpecSummary(folder);
  const workflowType = await readWorkflowType(folder);
  return {
    root,
    spec: folder.name,
    folder,
    specType: summary.type,
    workflowType,
    order: phaseOrder(summary.type, workflowType),
    file: join(folder.path, APPROVALS_FILE_NAME),
  };
}

/** `.config.kiro`'s workflow; a missing or unreadable config means the default (requirements first). */
async function readWorkflowType(folder: SpecFolder): Promise<SpecWorkflowType | undefined> {
  if (!folder.documents.includes(".config.kiro")) return undefined;
  try {
    return parseSpecConfig(await readTextFile(join(folder.path, ".config.kiro"))).workflowType;
  } catch (error) {
    if (isWorkspaceError(error)) return undefined;
    throw error;
  }
}

/** The current hash of each phase's document, read fresh; a document that does not exist has none. */
export async function readDocumentHashes(target: ApprovalTarget): Promise<DocumentHashes> {
  const hashes: DocumentHashes = {};
  for (const phase of target.order) {
    const text = await readIfExists(join(target.folder.path, phaseDocument(phase)));
    if (text !== undefined) hashes[phase] = documentHash(text);
  }
  return hashes;
}

/** The sidecar's record; no file means no approvals, a damaged one is refused so nobody's approvals vanish. */
export async function readApprovalsRecord(target: ApprovalTarget): Promise<ApprovalsRecord> {
  const text = await readIfExists(target.file);
  if (text === undefined) return EMPTY_APPROVALS_RECORD;
  const parsed = parseApprovalsRecord(text);
  if (parsed.ok) return parsed.record;
  throw new EngineError({
    code: "approvals-unreadable",
    message: `${APPROVALS_FILE_NAME} of spec "${target.spec}" cannot be read: ${parsed.problem}.`,
    fix: `Repair ${join(".kiro", "specs", target.spec, APPROVALS_FILE_NAME)} (see its format in the README), or delete it and approve the documents again.`,
    path: target.file,
  });
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readTextFile(path);
  } catch (error) {
    if (isWorkspaceError(error, "not-found")) return undefined;
    throw error;
  }
}
