import { join } from "node:path";
import { parseSpecConfig, type SpecConfigDocument } from "../../model/settings/parse-spec-config.js";
import type { SpecWorkflowType } from "../../model/settings/spec-config-schema.js";
import { readTextFileSync } from "../../workspace/read-text-file.js";
import { listSpecFolders, type SpecFolder } from "../../workspace/spec-folders.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";
import { EngineError } from "../errors/engine-error.js";
import { type SpecType, summarizeSpec } from "../status/spec-summary.js";
import { resolveSpecFolder } from "../workspace-model/resolve-spec.js";
import { resolveWorkspaceRoot } from "../workspace-model/workspace-context.js";
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

/**
 * The approval target of a spec folder already listed (status lists every folder once). Reads are
 * synchronous: for a thousand specs one system call per file beats five queued ones.
 */
export async function approvalTargetOf(root: string, folder: SpecFolder): Promise<ApprovalTarget> {
  const config = readSpecConfig(folder);
  const specType = summarizeSpec(folder, config?.config?.specType).type;
  const workflowType = config?.workflowType;
  return {
    root,
    spec: folder.name,
    folder,
    specType,
    workflowType,
    order: phaseOrder(specType, workflowType),
    file: join(folder.path, APPROVALS_FILE_NAME),
  };
}

/** `.config.kiro`, parsed; a missing or unreadable one means the defaults (a feature spec, requirements first). */
function readSpecConfig(folder: SpecFolder): SpecConfigDocument | undefined {
  if (!folder.documents.includes(".config.kiro")) return undefined;
  const text = readIfExists(join(folder.path, ".config.kiro"), true);
  return text === undefined ? undefined : parseSpecConfig(text);
}

/**
 * The current hash of each phase's document, read fresh; a document that does not exist has none. With
 * `onlyRecorded`, documents without an approval on record are not read (`null`): status on a thousand specs
 * needs no hash to call them unapproved.
 */
export async function readDocumentHashes(
  target: ApprovalTarget,
  onlyRecorded?: ApprovalsRecord,
): Promise<DocumentHashes> {
  const hashes: DocumentHashes = {};
  for (const phase of target.order) {
    const document = phaseDocument(phase);
    if (onlyRecorded !== undefined && onlyRecorded.approvals[phase] === undefined) {
      if (target.folder.documents.some((name) => name === document)) hashes[phase] = null;
      continue;
    }
    const text = readIfExists(join(target.folder.path, document));
    if (text !== undefined) hashes[phase] = documentHash(text);
  }
  return hashes;
}

/** The sidecar's record; no file means no approvals, a damaged one is refused so nobody's approvals vanish. */
export async function readApprovalsRecord(target: ApprovalTarget, trustListing = false): Promise<ApprovalsRecord> {
  // For status the folder listing tells whether the file exists (a failed read costs an exception per
  // spec); writers read under the lock, where only the disk itself is fresh enough.
  const skip = trustListing && !target.folder.otherFiles.includes(APPROVALS_FILE_NAME);
  const text = skip ? undefined : readIfExists(target.file);
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

/** The file's text, or undefined when it does not exist (or, with `tolerant`, cannot be read at all). */
function readIfExists(path: string, tolerant = false): string | undefined {
  try {
    return readTextFileSync(path);
  } catch (error) {
    if (isWorkspaceError(error, "not-found") || (tolerant && isWorkspaceError(error))) return undefined;
    throw error;
  }
}
