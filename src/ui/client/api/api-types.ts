// The shapes of the dashboard's HTTP API (docs/ui-api.md). The client only reads them; the server's engine
// composition is their one source. Fields the client can live without are optional, so a server that adds
// or drops a detail does not break the page.

export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly fix: string };
}

export interface RootInfo {
  readonly id: string;
  readonly path: string;
  readonly name: string;
}

export type ApprovalStateName = "approved" | "changed" | "stale" | "unapproved";

export interface ApprovalInfo {
  readonly state: ApprovalStateName;
  readonly explanation?: string;
  readonly approvedAt?: string;
}

export interface DoneTotal {
  readonly done: number;
  readonly total: number;
}

export interface SpecProgress {
  readonly required: DoneTotal;
  readonly optional: DoneTotal;
  readonly inProgress: number;
  readonly queued: number;
  readonly needsReview: number;
}

export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export interface BadgeInfo {
  readonly count?: number;
  readonly label?: string;
  readonly summary?: string;
  /** Drift: done tasks whose files changed again after their verification, and those files. */
  readonly tasks?: number;
  readonly files?: number;
}

export type Badge = BadgeInfo | string | number | boolean | null;

export interface SpecCard {
  readonly root: string;
  readonly name: string;
  /** The spec's folder relative to its root, e.g. `.kiro/specs/rate-limiting`. */
  readonly folder?: string;
  readonly type: string;
  readonly phase: string;
  readonly approvals: Readonly<Record<string, ApprovalInfo>>;
  /** null without a readable tasks.md. */
  readonly progress: SpecProgress | null;
  readonly diagnostics: SeverityCounts;
  readonly drift?: Badge;
  readonly impact?: Badge;
  readonly paused?: number;
  readonly lastActivity?: string;
}

export interface BoardData {
  readonly roots: readonly RootInfo[];
  readonly specs: readonly SpecCard[];
}

export interface Diagnostic {
  readonly rule?: string;
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
  readonly fix?: string;
  readonly file?: string;
  readonly line?: number;
}

export interface CriterionInfo {
  readonly id: string;
  readonly line?: number;
  readonly text: string;
  /** The EARS pattern (`event-driven`, `state-driven`, `unwanted`, `ubiquitous`, `unknown`, …). */
  readonly ears?: string;
  readonly diagnostics?: readonly Diagnostic[];
}

export interface RequirementInfo {
  readonly id: string;
  readonly title?: string;
  readonly line?: number;
  readonly userStory?: string;
  readonly criteria: readonly CriterionInfo[];
}

export interface DocumentInfo {
  readonly file?: string;
  readonly text: string;
  /** Only on `requirements`: the parsed requirements and their criteria. */
  readonly requirements?: readonly RequirementInfo[];
}

export interface TaskNode {
  /** null for a task line without a number. */
  readonly id: string | null;
  readonly title: string;
  readonly status: string;
  readonly marker?: string;
  readonly optional: boolean;
  readonly checkpoint?: boolean;
  readonly line?: number;
  readonly references: readonly string[];
  readonly children: readonly TaskNode[];
}

export interface TraceTask {
  /** null for a task line without a number. */
  readonly id: string | null;
  readonly title?: string;
  readonly status?: string;
}

export interface TraceRow {
  readonly criterion: string;
  readonly text?: string;
  readonly line?: number;
  readonly tasks: readonly TraceTask[];
}

export interface TraceMatrix {
  /** One row per criterion, uncovered first. */
  readonly rows: readonly TraceRow[];
  readonly summary?: {
    readonly criteria: number;
    readonly covered: number;
    readonly uncovered: number;
    readonly done?: number;
  };
}

export interface PhaseApproval {
  readonly phase: string;
  readonly document?: string;
  readonly state: ApprovalStateName | "missing";
  readonly approvedAt?: string;
  readonly explanation?: string;
}

export interface SpecPageData {
  readonly root: string;
  readonly name: string;
  readonly type: string;
  readonly documents: Readonly<Partial<Record<"requirements" | "design" | "tasks" | "bugfix", DocumentInfo>>>;
  readonly tasks: readonly TaskNode[];
  readonly trace: TraceMatrix;
  readonly approvals: readonly PhaseApproval[];
  readonly diagnostics: readonly Diagnostic[];
  /** Tasks with a before checkpoint: the ones whose diff and revert can be asked for. */
  readonly checkpointed?: readonly string[];
  readonly needsReview?: readonly { readonly taskId: string; readonly title?: string }[];
  /** Tasks paused by an `ask_user` nobody answered; a run with `answers` resumes them. */
  readonly paused?: readonly PausedQuestion[];
}

export interface PausedQuestion {
  readonly taskId: string;
  readonly title?: string;
  readonly runId?: string;
  readonly at?: string;
  readonly question: {
    readonly id: string;
    readonly question: string;
    readonly options?: readonly string[];
    readonly default?: string;
  };
}

export interface ApprovalDiff {
  readonly state: ApprovalStateName;
  readonly explanation: string;
  readonly diff: string;
}

export interface FileDiff {
  readonly path: string;
  readonly diff: string;
  readonly kind?: string;
  readonly linesAdded?: number;
  readonly linesRemoved?: number;
  readonly binary?: boolean;
}

export interface TaskDiff {
  readonly files: readonly FileDiff[];
}

export interface CostRow {
  readonly spec: string;
  readonly task?: string;
  readonly root?: string;
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  readonly tokens: number;
  readonly cost?: number | null;
}

export interface CostPoint {
  readonly time: string;
  readonly tokens: number;
  readonly cost?: number | null;
  readonly spec?: string;
  readonly task?: string;
}

export type BudgetSource = "flag" | "settings";

export interface CostsData {
  readonly tasks: readonly CostRow[];
  readonly specs: readonly CostRow[];
  readonly series: readonly CostPoint[];
  /** Present while a run is active. */
  readonly budget?: {
    readonly runId?: string;
    readonly maxTokens?: number | null;
    readonly maxCost?: number | null;
    /** Where each limit came from: a flag of `specwright ui` or `.kiro/settings/specwright.json`. */
    readonly sources?: { readonly maxTokens?: BudgetSource; readonly maxCost?: BudgetSource };
    readonly tokens?: number;
    readonly cost?: number | null;
  };
}

export type RunMode = "autopilot" | "supervised";

export interface RunListEntry {
  /** "dashboard": a run of this server start (live view); "disk": a finished run from the run records (read-only). */
  readonly source?: "dashboard" | "disk";
  readonly runId: string;
  readonly root?: string;
  readonly spec: string;
  readonly mode?: RunMode;
  readonly state?: string;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly taskIds?: readonly string[];
  readonly all?: boolean;
  readonly pending?: readonly { readonly id: string; readonly kind: string }[];
  readonly error?: { readonly message: string };
  /** Runs from disk: each task's outcome and tokens, the run's totals and why it stopped early. */
  readonly tasks?: readonly {
    readonly taskId: string;
    readonly title?: string;
    readonly status: string;
    readonly usage?: { readonly inputTokens: number; readonly outputTokens: number };
  }[];
  readonly totals?: { readonly inputTokens: number; readonly outputTokens: number; readonly costUsd?: number | null };
  readonly stoppedEarly?: string;
  readonly ok?: boolean;
}

export interface RunList {
  readonly runs: readonly RunListEntry[];
}

export interface RunEnd {
  readonly state?: string;
  readonly summary?: Record<string, unknown>;
  readonly error?: { readonly code?: string; readonly message: string; readonly fix?: string };
}

export interface ReviewFile {
  readonly path: string;
  readonly change: "created" | "modified" | "deleted";
  readonly diff: string;
}

export interface ReviewRequest {
  readonly taskId: string;
  readonly step: number;
  readonly files: readonly ReviewFile[];
}

export interface RunQuestion {
  readonly questionId: string;
  readonly question: string;
  /** The engine's id of the question (the one `run --answer <id>=…` takes). */
  readonly questionKey?: string;
  readonly options?: readonly string[];
  readonly default?: string;
}

/** A shell command the settings say to ask about before the agent runs it. */
export interface CommandRequest {
  readonly commandId: string;
  readonly request: { readonly command: string; readonly segment?: string; readonly rule?: string };
}

/** An engine RunEvent as the SSE stream sends it; the client reads `type` and a few common fields. */
export interface RunEventData {
  readonly type: string;
  readonly taskId?: string;
  readonly title?: string;
  readonly step?: number;
  readonly tool?: string;
  readonly input?: string;
  readonly summary?: unknown;
  readonly ok?: boolean;
  readonly passed?: boolean;
  readonly message?: string;
  readonly outcome?: { readonly status: string; readonly taskId: string };
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number };
  readonly totals?: { readonly inputTokens: number; readonly outputTokens: number; readonly costUsd?: number | null };
  readonly [key: string]: unknown;
}
