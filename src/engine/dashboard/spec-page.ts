import type { CheckDiagnostic } from "../../rules/check-result.js";
import { buildTraceMatrix, type TraceMatrix } from "../../rules/traceability/trace-matrix.js";
import type { LoadedFile, SpecModel } from "../../rules/workspace-model.js";
import { getApprovals } from "../approvals/get-approvals.js";
import type { SpecPhase } from "../approvals/spec-phase.js";
import { runCheck } from "../check/run-check.js";
import type { PausedQuestion } from "../runner/paused-questions.js";
import { getStatus, type NeedsReviewTask } from "../status/spec-status.js";
import type { SpecType } from "../status/spec-summary.js";
import { loadSpec } from "../workspace-model/load-spec.js";
import { type DashboardApprovalState, dashboardApprovalState, explainApprovalState } from "./approval-labels.js";
import { checkpointedTasks } from "./checkpointed-tasks.js";
import { type TaskNode, taskTree } from "./task-tree.js";

export interface PageDiagnostic {
  readonly rule: string;
  readonly severity: CheckDiagnostic["severity"];
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly fix: string;
}

export interface PageCriterion {
  readonly id: string;
  readonly line: number;
  readonly text: string;
  /** The EARS pattern `classifyEars` found. */
  readonly ears: string;
  readonly diagnostics: readonly PageDiagnostic[];
}

export interface PageRequirement {
  readonly id: string;
  readonly title?: string;
  readonly line: number;
  readonly userStory?: string;
  readonly criteria: readonly PageCriterion[];
}

export interface PageDocument {
  readonly file: string;
  readonly text: string;
}

export interface PageApproval {
  readonly phase: SpecPhase;
  readonly document: string;
  readonly state: DashboardApprovalState;
  readonly approvedAt?: string;
  readonly explanation: string;
}

/** Everything the spec page shows (see docs/ui-api.md, `GET /api/specs/:root/:spec`). */
export interface SpecPage {
  readonly name: string;
  readonly type: SpecType;
  readonly documents: {
    readonly requirements?: PageDocument & { readonly requirements: readonly PageRequirement[] };
    readonly bugfix?: PageDocument;
    readonly design?: PageDocument;
    readonly tasks?: PageDocument;
  };
  readonly tasks: readonly TaskNode[];
  readonly trace: TraceMatrix;
  readonly approvals: readonly PageApproval[];
  readonly diagnostics: readonly PageDiagnostic[];
  readonly needsReview: readonly NeedsReviewTask[];
  readonly paused: readonly PausedQuestion[];
  /** Tasks with a before checkpoint: their diff and revert can be asked for. */
  readonly checkpointed: readonly string[];
}

/** One spec's page: its documents parsed, the `check` findings, `trace`'s matrix and the approvals. */
export async function specPage(options: { readonly root: string; readonly spec: string }): Promise<SpecPage> {
  const workspace = { cwd: options.root, root: options.root };
  const loaded = await loadSpec({ ...workspace, spec: options.spec });
  const { model } = loaded;
  const [approvals, check, status, checkpointed] = await Promise.all([
    getApprovals({ ...workspace, spec: model.name }),
    runCheck({ ...workspace, paths: [`${model.path}/`] }),
    getStatus({ ...workspace, spec: model.name }),
    checkpointedTasks(options.root, model.name),
  ]);
  const diagnostics = check.diagnostics.map(pageDiagnostic);
  const spec = status.specs[0];
  return {
    name: model.name,
    type: loaded.summary.type,
    documents: documentsOf(model, diagnostics),
    tasks: taskTree(model.tasks?.document.tasks ?? []),
    trace: buildTraceMatrix(model),
    approvals: approvals.phases.map((phase) => ({
      phase: phase.phase,
      document: phase.document,
      state: dashboardApprovalState(phase.state),
      ...(phase.approvedAt === undefined ? {} : { approvedAt: phase.approvedAt }),
      explanation: explainApprovalState(phase.document, phase.state, phase.approvedAt),
    })),
    diagnostics,
    needsReview: spec?.needsReview ?? [],
    paused: spec?.paused ?? [],
    checkpointed,
  };
}

function documentsOf(model: SpecModel, diagnostics: readonly PageDiagnostic[]): SpecPage["documents"] {
  const text = (file: LoadedFile<{ readonly source: { readonly text: string } }> | undefined) =>
    file === undefined ? undefined : { file: file.path, text: file.document.source.text };
  const requirements = model.requirements;
  const bugfix = text(model.bugfix);
  const design = text(model.design);
  const tasks = text(model.tasks);
  return {
    ...(requirements === undefined
      ? {}
      : {
          requirements: {
            file: requirements.path,
            text: requirements.document.source.text,
            requirements: requirements.document.requirements.map((requirement) => ({
              id: requirement.id,
              ...(requirement.title === undefined ? {} : { title: requirement.title }),
              line: requirement.location.line,
              ...(requirement.userStory === undefined ? {} : { userStory: requirement.userStory.text }),
              criteria: requirement.criteria.map((criterion) => ({
                id: criterion.id,
                line: criterion.location.line,
                text: criterion.text,
                ears: criterion.ears.pattern,
                // A finding belongs to the criterion whose lines it starts on.
                diagnostics: diagnostics.filter(
                  (diagnostic) =>
                    diagnostic.file === requirements.path &&
                    diagnostic.line >= criterion.location.line &&
                    diagnostic.line <= criterion.location.endLine,
                ),
              })),
            })),
          },
        }),
    ...(bugfix === undefined ? {} : { bugfix }),
    ...(design === undefined ? {} : { design }),
    ...(tasks === undefined ? {} : { tasks }),
  };
}

function pageDiagnostic(diagnostic: CheckDiagnostic): PageDiagnostic {
  return {
    rule: diagnostic.rule,
    severity: diagnostic.severity,
    file: diagnostic.file,
    line: diagnostic.location.line,
    message: diagnostic.message,
    fix: diagnostic.fix,
  };
}
