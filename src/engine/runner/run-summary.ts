import type { UserQuestion } from "../agent-tools/agent-tool-context.js";
import type { UsageTotals } from "../llm/model-session.js";
import type { IntegrityReport } from "../verification-integrity/integrity-types.js";
import type { TestCount } from "../verification-integrity/test-count.js";
import type { RunMode } from "./run-events.js";

/** One file a task changed, with the lines it added and removed. */
export interface RunFileChange {
  readonly path: string;
  readonly change: "created" | "modified" | "deleted";
  readonly linesAdded: number;
  readonly linesRemoved: number;
}

export interface VerificationRecord {
  readonly command: string;
  readonly passed: boolean;
  readonly exitCode: number | null;
  readonly durationMs: number;
  /** The end of the output, where test runners put the failures. */
  readonly outputTail: string;
  /** How many tests ran, from the runner's summary; absent when it could not be read. */
  readonly testCount?: TestCount;
}

/**
 * `done`: verified and checked off. `failed`: verification still failed after the repair rounds (or the
 * model or a budget stopped it); the task is back to `[ ]`. `needs-review`: the tests passed, but the task
 * weakened them or changed what steers the run (see `integrity`); the task is back to `[ ]` until a person
 * reviews it (`specwright task <spec> <id> --status done` checks it off). `paused`: the agent asked a question
 * (`ask_user`) and nobody could answer; the task is back to `[ ]`, unverified, its changes kept, until a run
 * with `--answer` resumes it.
 */
export interface TaskOutcome {
  readonly taskId: string;
  readonly title: string;
  readonly status: "done" | "failed" | "needs-review" | "paused";
  /** `paused`: the agent's `ask_user` question nobody could answer; `run --answer <id>=<text>` resumes. */
  readonly question?: UserQuestion;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly steps: number;
  readonly repairRounds: number;
  readonly verification: VerificationRecord | undefined;
  readonly files: readonly RunFileChange[];
  readonly usage: { readonly inputTokens: number; readonly outputTokens: number };
  readonly openQuestions: readonly string[];
  readonly error: { readonly code: string; readonly message: string; readonly fix: string } | undefined;
  readonly checkpoints: { readonly before: string | undefined; readonly after: string | undefined };
  /** Operations the OS sandbox refused the agent's commands during the task (lines of output saying so). */
  readonly sandboxBlocked: number;
  /** Whether the verification was the one in force before the task; absent when the task never got that far. */
  readonly integrity?: IntegrityReport;
}

export interface RunSummary {
  readonly runId: string;
  readonly spec: string;
  readonly mode: RunMode;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly tasks: readonly TaskOutcome[];
  readonly skipped: readonly { readonly taskId: string; readonly reason: string }[];
  readonly totals: UsageTotals;
  /** Why the run ended before its last task, when it did. */
  readonly stoppedEarly: string | undefined;
  /** Operations the OS sandbox refused across the run's tasks. */
  readonly sandboxBlocked: number;
  readonly ok: boolean;
}
