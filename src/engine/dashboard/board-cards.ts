import { join } from "node:path";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { latestModification } from "../../workspace/latest-modification.js";
import type { SpecPhase } from "../approvals/spec-phase.js";
import { specNameOfPath } from "../check/check-spec-part.js";
import { runCheck } from "../check/run-check.js";
import { computeDrift } from "../drift/compute-drift.js";
import { EngineError } from "../errors/engine-error.js";
import { getStatus, type SpecStatus } from "../status/spec-status.js";
import type { SpecType } from "../status/spec-summary.js";
import { type DashboardApprovalState, dashboardApprovalState } from "./approval-labels.js";
import type { BoardSession } from "./board-session.js";
import type { DashboardRoot } from "./dashboard-roots.js";

export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export interface CardProgress {
  readonly required: { readonly done: number; readonly total: number };
  readonly optional: { readonly done: number; readonly total: number };
  readonly inProgress: number;
  readonly queued: number;
  readonly needsReview: number;
}

/** One spec on the board (see docs/ui-api.md, `GET /api/board`). */
export interface BoardCard {
  readonly root: string;
  readonly name: string;
  readonly type: SpecType;
  /** The last document that exists in workflow order, or `empty`. */
  readonly phase: SpecPhase | "empty";
  readonly approvals: Partial<
    Record<SpecPhase, { readonly state: DashboardApprovalState; readonly approvedAt?: string }>
  >;
  readonly progress: CardProgress | null;
  readonly diagnostics: SeverityCounts;
  readonly impact?: string;
  /** Done tasks whose files changed again since they were verified (`specwright drift`); absent when none. */
  readonly drift?: { readonly tasks: number; readonly files: number };
  readonly paused: number;
  /** ISO time of the latest change to a file of the spec folder; undefined for an empty folder. */
  readonly lastActivity?: string;
}

/**
 * Every spec of a root as a card: `specwright status` and `specwright check` in one view. With the session a
 * dashboard keeps for the root, the check results and modification times come from it instead of a full pass.
 */
export async function boardCards(root: DashboardRoot, session?: BoardSession): Promise<BoardCard[]> {
  const workspace = { cwd: root.path, root: root.path };
  const [status, check, drift] = await Promise.all([
    getStatus(workspace),
    session === undefined ? runCheck(workspace) : session.check(),
    driftBySpec(workspace),
  ]);
  const counts = countBySpec(check.diagnostics);
  const specsDirectory = kiroPaths(root.path).specsDirectory;
  const lastModified = (spec: string) =>
    session === undefined ? latestModification(join(specsDirectory, spec)) : session.lastModified(spec);
  return status.specs.map((spec) =>
    cardOf(root.id, spec, counts.get(spec.name), drift.get(spec.name), lastModified(spec.name)),
  );
}

/** Drift needs a git repository and checkpoints; a workspace without them has none to show. */
async function driftBySpec(workspace: {
  readonly cwd: string;
  readonly root: string;
}): Promise<Map<string, BoardCard["drift"]>> {
  const bySpec = new Map<string, { tasks: number; files: number }>();
  let report: Awaited<ReturnType<typeof computeDrift>>;
  try {
    report = await computeDrift(workspace);
  } catch (error) {
    if (error instanceof EngineError && error.code === "not-a-git-repository") return bySpec;
    throw error;
  }
  for (const task of report.tasks) {
    const entry = bySpec.get(task.spec) ?? { tasks: 0, files: 0 };
    entry.tasks += 1;
    entry.files += task.files.length;
    bySpec.set(task.spec, entry);
  }
  return bySpec;
}

function cardOf(
  root: string,
  spec: SpecStatus,
  diagnostics: SeverityCounts | undefined,
  drift: BoardCard["drift"],
  modified: number | undefined,
): BoardCard {
  const approvals: BoardCard["approvals"] = {};
  for (const approval of spec.approvals ?? []) {
    if (approval.state === "missing") continue;
    approvals[approval.phase] = {
      state: dashboardApprovalState(approval.state),
      ...(approval.approvedAt === undefined ? {} : { approvedAt: approval.approvedAt }),
    };
  }
  const progress = spec.progress;
  return {
    root,
    name: spec.name,
    type: spec.type,
    phase: spec.phases.at(-1) ?? "empty",
    approvals,
    progress:
      progress === undefined
        ? null
        : {
            required: { done: progress.required.done, total: progress.required.total },
            optional: { done: progress.optional.done, total: progress.optional.total },
            inProgress: progress.required.inProgress + progress.optional.inProgress,
            queued: progress.required.queued + progress.optional.queued,
            needsReview: spec.needsReview?.length ?? 0,
          },
    diagnostics: diagnostics ?? { error: 0, warning: 0, info: 0 },
    ...(spec.impact === undefined ? {} : { impact: spec.impact }),
    ...(drift === undefined ? {} : { drift }),
    paused: spec.paused?.length ?? 0,
    ...(modified === undefined ? {} : { lastActivity: new Date(modified).toISOString() }),
  };
}

function countBySpec(diagnostics: readonly CheckDiagnostic[]): Map<string, SeverityCounts> {
  const counts = new Map<string, { error: number; warning: number; info: number }>();
  for (const diagnostic of diagnostics) {
    const name = specNameOfPath(diagnostic.file);
    if (name === undefined) continue;
    const entry = counts.get(name) ?? { error: 0, warning: 0, info: 0 };
    entry[diagnostic.severity]++;
    counts.set(name, entry);
  }
  return counts;
}
