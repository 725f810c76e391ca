import { join } from "node:path";
import type { UnreadableFile } from "../../rules/workspace-model.js";
import { fingerprintFiles } from "../../workspace/file-fingerprint.js";
import { pathExistsSync } from "../../workspace/path-exists.js";
import { readTextFileSync } from "../../workspace/read-text-file.js";
import { RUNS_DIRECTORY_NAME } from "../../workspace/run-log/run-record-paths.js";
import { listSpecFolders, type SpecFolder } from "../../workspace/spec-folders.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";
import type { ApprovalState } from "../approvals/approval-state.js";
import { APPROVALS_FILE_NAME } from "../approvals/approvals-file-name.js";
import { phaseOrder, type SpecPhase } from "../approvals/spec-phase.js";
import { ResultCache } from "../check/result-cache.js";
import { EngineError } from "../errors/engine-error.js";
import { PAUSED_QUESTIONS_FILE_NAME, type PausedQuestion } from "../runner/paused-questions.js";
import type { TaskProgress } from "../tasks/task-progress.js";
import { REVIEW_RECORDS_FILE_NAME } from "../verification-integrity/review-records.js";
import { relativeToRoot } from "../workspace-model/read-workspace-files.js";
import { resolveSpecFolder } from "../workspace-model/resolve-spec.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";
import { configuredPhaseOrder } from "./configured-phase-order.js";
import { readSpecSummary, type SpecType } from "./spec-summary.js";

export type { SpecPhase };

/** One phase's approval as status shows it (see `getApprovals` for the hashes). */
export interface PhaseApprovalStatus {
  readonly phase: SpecPhase;
  readonly document: string;
  readonly state: ApprovalState;
  readonly approvedAt?: string;
}

export interface SpecStatus {
  readonly name: string;
  readonly type: SpecType;
  /** The documents that exist, in workflow order. */
  readonly phases: readonly SpecPhase[];
  /**
   * Every phase in workflow order with its approval state; undefined when it cannot be told (a document or
   * the approvals file cannot be read: see `problems`).
   */
  readonly approvals: readonly PhaseApprovalStatus[] | undefined;
  /** Undefined when the spec has no readable tasks.md. */
  readonly progress: TaskProgress | undefined;
  /** Files that exist but could not be read. */
  readonly problems: readonly UnreadableFile[];
  /**
   * Tasks whose tests passed but that weakened their verification or changed what steers a run, left `[ ]`
   * for a person to review; absent when there are none.
   */
  readonly needsReview?: readonly NeedsReviewTask[];
  /** When an approved document changed: one line of what changed (`specwright impact` tells the rest). */
  readonly impact?: string;
  /** Tasks paused by the agent's `ask_user`, with the question; `run --answer <id>=<text>` resumes them. */
  readonly paused?: readonly PausedQuestion[];
}

/** A task waiting for review, and why, file by file. */
export interface NeedsReviewTask {
  readonly taskId: string;
  readonly title: string;
  readonly runId: string;
  readonly findings: readonly { readonly code: string; readonly path?: string; readonly message: string }[];
}

export interface WorkspaceStatus {
  readonly root: string;
  readonly specs: readonly SpecStatus[];
}

export async function getStatus(
  options: WorkspaceOptions & { readonly spec?: string; readonly cache?: boolean },
): Promise<WorkspaceStatus> {
  const root = await resolveWorkspaceRoot(options);
  const folders = await listSpecFolders(root);
  const selected = options.spec === undefined ? folders : [resolveSpecFolder(folders, options.spec)];
  const cache = options.cache === false ? undefined : await ResultCache.open<CachedStatus>(root, "status", "");
  let parse: ((text: string) => TaskProgress) | undefined;
  // Each spec folder's real path is resolved once for its tasks.md and its `.config.kiro`.
  const realFolders = new Map<string, string>();
  const progressOf = async (file: string): Promise<TaskProgress> => {
    // The counter loads only when some tasks.md changed since the last run.
    if (!parse) parse = (await import("../tasks/task-progress.js")).countTaskMarks;
    return parse(readTextFileSync(file, { realFolders }));
  };
  const specs: SpecStatus[] = [];
  for (const folder of selected) specs.push(await specStatus(root, folder, cache, progressOf, realFolders));
  await cache?.save();
  return { root, specs };
}

/** A spec's task counts (under its name) or its approvals (under `approvalsKey(name)`), with what they came from. */
interface CachedStatus {
  readonly fingerprint: string;
  readonly progress?: TaskProgress;
  readonly approvals?: readonly PhaseApprovalStatus[];
  readonly impact?: string;
  /** Without an approvals file only the phase order is kept: the listing tells each state. */
  readonly order?: readonly SpecPhase[];
}

/** A NUL cannot be in a folder name, so this key never meets a spec's own. */
function approvalsKey(spec: string): string {
  return `${spec}\u0000approvals`;
}

/** Approval states change only with the phase documents, `.config.kiro` (the order) and the approvals file. */
const APPROVAL_INPUTS = ["requirements.md", "bugfix.md", "design.md", "tasks.md", ".config.kiro", APPROVALS_FILE_NAME];

async function specStatus(
  root: string,
  folder: SpecFolder,
  cache: ResultCache<CachedStatus> | undefined,
  progressOf: (file: string) => Promise<TaskProgress>,
  realFolders: Map<string, string>,
): Promise<SpecStatus> {
  const summary = await readSpecSummary(folder);
  const phases: SpecPhase[] = [];
  if (summary.documents.requirements) phases.push("requirements");
  if (summary.documents.bugfix) phases.push("bugfix");
  if (summary.documents.design) phases.push("design");
  if (summary.documents.tasks) phases.push("tasks");
  const problems: UnreadableFile[] = [];
  const listed = unapprovedFromListing(folder, summary.type);
  const { approvals, impact } = listed
    ? { approvals: listed, impact: "" }
    : await approvalStatus(root, folder, cache, problems, realFolders);
  let progress: TaskProgress | undefined;
  if (summary.documents.tasks) {
    const file = join(folder.path, "tasks.md");
    // Without a cache (`--no-cache`) nothing is compared with it: no stat.
    const fingerprint = cache ? fingerprintFiles([file]) : "";
    progress = cache?.lookup(folder.name, fingerprint)?.progress;
    try {
      if (!progress) {
        progress = await progressOf(file);
        cache?.store(folder.name, { fingerprint, progress });
      }
    } catch (error) {
      if (!isWorkspaceError(error)) throw error;
      problems.push({ path: relativeToRoot(root, file), code: error.code, message: error.message, fix: error.fix });
    }
  }
  // Most specs were never run: one look for the runs folder spares both of its files' lookups.
  const ran = pathExistsSync(join(folder.path, RUNS_DIRECTORY_NAME));
  const needsReview = ran ? await reviewsOf(folder) : [];
  const paused = ran ? await pausedOf(folder) : [];
  return {
    name: summary.name,
    type: summary.type,
    phases,
    approvals,
    progress,
    problems,
    ...(needsReview.length > 0 ? { needsReview } : {}),
    ...(impact === "" ? {} : { impact }),
    ...(paused.length > 0 ? { paused } : {}),
  };
}

/** Only a spec whose run paused a task reads the questions file. */
async function pausedOf(folder: SpecFolder): Promise<PausedQuestion[]> {
  const file = join(folder.path, RUNS_DIRECTORY_NAME, PAUSED_QUESTIONS_FILE_NAME);
  if (!pathExistsSync(file)) return [];
  const { readPausedQuestions } = await import("../runner/paused-questions.js");
  return readPausedQuestions(folder.path);
}

/** Only a spec a run left a review record in pays for reading it (and its tasks.md, to leave out tasks checked off since). */
async function reviewsOf(folder: SpecFolder): Promise<NeedsReviewTask[]> {
  const file = join(folder.path, RUNS_DIRECTORY_NAME, REVIEW_RECORDS_FILE_NAME);
  if (!pathExistsSync(file)) return [];
  const { pendingReviews } = await import("../verification-integrity/task-reviews.js");
  const pending = await pendingReviews(folder.path, join(folder.path, "tasks.md"));
  return pending.map(({ taskId, title, runId, findings }) => ({ taskId, title, runId, findings }));
}

/**
 * Without an approvals file and a `.config.kiro` (which may reorder the phases), the listing alone tells
 * every state: a document is unapproved or missing. Nothing is read, hashed or cached.
 */
function unapprovedFromListing(folder: SpecFolder, type: SpecType): readonly PhaseApprovalStatus[] | undefined {
  if (folder.otherFiles.includes(APPROVALS_FILE_NAME) || folder.documents.includes(".config.kiro")) return undefined;
  return listingStates(folder, phaseOrder(type, undefined));
}

/** With nothing approved, a phase is unapproved when its document exists and missing when it does not. */
function listingStates(folder: SpecFolder, order: readonly SpecPhase[]): readonly PhaseApprovalStatus[] {
  return order.map((phase) => {
    const document = `${phase}.md`;
    const exists = folder.documents.some((name) => name === document);
    return { phase, document, state: exists ? "unapproved" : "missing" };
  });
}

async function approvalStatus(
  root: string,
  folder: SpecFolder,
  cache: ResultCache<CachedStatus> | undefined,
  problems: UnreadableFile[],
  realFolders: Map<string, string>,
): Promise<{ readonly approvals: readonly PhaseApprovalStatus[] | undefined; readonly impact: string }> {
  // Only files the listing found are stat'ed (a missing one costs an exception); their names are part of
  // the fingerprint, so a file that appears or goes away changes it too. Without an approvals file no
  // document is hashed, so only `.config.kiro` (the order) needs its stat.
  const present = [...folder.documents, ...folder.otherFiles].filter((name) => APPROVAL_INPUTS.includes(name));
  const approved = present.includes(APPROVALS_FILE_NAME);
  const watched = approved ? present : present.filter((name) => name === ".config.kiro");
  const fingerprint = cache
    ? `${present.join("|")}#${fingerprintFiles(watched.map((name) => join(folder.path, name)))}`
    : "";
  const cached = cache?.lookup(approvalsKey(folder.name), fingerprint);
  if (cached?.approvals) return { approvals: cached.approvals, impact: cached.impact ?? "" };
  if (cached?.order) return { approvals: listingStates(folder, cached.order), impact: "" };
  // Nothing approved: the order is all there is to tell, and a plain `.config.kiro` tells it without loading
  // the approvals engine and its schemas.
  const order = approved ? undefined : configuredPhaseOrder(folder, realFolders);
  if (order !== undefined) {
    cache?.store(approvalsKey(folder.name), { fingerprint, order });
    return { approvals: listingStates(folder, order), impact: "" };
  }
  // Loaded only when some spec changed since the last run, so a warm status stays fast.
  const { getFolderApprovals } = await import("../approvals/get-approvals.js");
  try {
    const approvals = (await getFolderApprovals(root, folder)).phases.map((phase) => ({
      phase: phase.phase,
      document: phase.document,
      state: phase.state,
      ...(phase.approvedAt === undefined ? {} : { approvedAt: phase.approvedAt }),
    }));
    // The impact depends on the same files (the approved texts are named by the approvals file).
    const impact = approvals.some((approval) => approval.state === "changed-since-approval")
      ? await (await import("../impact/impact-summary-of-folder.js")).impactSummaryOfFolder(root, folder)
      : "";
    // Nothing approved: the order is all a later run needs (a third of the cache file's size).
    cache?.store(
      approvalsKey(folder.name),
      approved
        ? { fingerprint, approvals, ...(impact === "" ? {} : { impact }) }
        : { fingerprint, order: approvals.map((approval) => approval.phase) },
    );
    return { approvals, impact };
  } catch (error) {
    if (!isWorkspaceError(error) && !(error instanceof EngineError)) throw error;
    const path = relativeToRoot(root, error.path ?? join(folder.path, APPROVALS_FILE_NAME));
    // An unreadable tasks.md is reported once, by the progress below.
    if (!path.endsWith("/tasks.md")) problems.push({ path, code: error.code, message: error.message, fix: error.fix });
    return { approvals: undefined, impact: "" };
  }
}
