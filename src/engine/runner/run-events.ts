import type { TokenUsage, UsageTotals } from "../llm/model-session.js";
import type { RunSummary, TaskOutcome } from "./run-summary.js";

/**
 * What a run reports while it works, in order. Surfaces render these (live view, plain lines, a JSON
 * stream); the run log stores every one of them as a JSONL line. A discriminated union on `type`.
 */
export type RunEvent =
  | {
      readonly type: "run-start";
      readonly runId: string;
      readonly spec: string;
      readonly mode: RunMode;
      readonly taskIds: readonly string[];
      readonly resumed: readonly string[];
      readonly reset: readonly string[];
    }
  | { readonly type: "task-start"; readonly taskId: string; readonly title: string; readonly checkpoint: boolean }
  | {
      readonly type: "checkpoint";
      readonly taskId: string;
      readonly stage: "before" | "after";
      readonly commit: string;
    }
  | { readonly type: "context"; readonly taskId: string; readonly characters: number }
  | {
      readonly type: "tool-call";
      readonly taskId: string;
      readonly step: number;
      readonly tool: string;
      readonly input: string;
    }
  | {
      readonly type: "tool-result";
      readonly taskId: string;
      readonly step: number;
      readonly tool: string;
      readonly ok: boolean;
      readonly summary: string;
      /** For run_command: operations the OS sandbox refused (only when it refused some). */
      readonly sandboxBlocked?: number;
    }
  | {
      readonly type: "step-end";
      readonly taskId: string;
      readonly step: number;
      readonly text: string;
      readonly finishReason: string;
      readonly usage: TokenUsage;
      readonly totals: UsageTotals;
    }
  | {
      readonly type: "approval";
      readonly taskId: string;
      readonly step: number;
      readonly files: readonly string[];
      readonly rejected: readonly string[];
      readonly message: string | undefined;
    }
  | {
      /** What verification means before the task: the command in force and how many tests ran. */
      readonly type: "baseline";
      readonly taskId: string;
      readonly command: string;
      readonly testCount: number | "unknown";
    }
  /** `round` -1 is the run before the task that counts its tests; 0 a checkpoint task's first run. */
  | { readonly type: "verify-start"; readonly taskId: string; readonly command: string; readonly round: number }
  | {
      readonly type: "verify-end";
      readonly taskId: string;
      readonly round: number;
      readonly passed: boolean;
      readonly exitCode: number | null;
      readonly durationMs: number;
      readonly outputTail: string;
    }
  | { readonly type: "repair"; readonly taskId: string; readonly round: number; readonly of: number }
  | { readonly type: "task-end"; readonly taskId: string; readonly outcome: TaskOutcome }
  | { readonly type: "parent-done"; readonly taskId: string }
  | { readonly type: "task-skipped"; readonly taskId: string; readonly reason: string }
  | { readonly type: "warning"; readonly message: string }
  /** A hook ran for the task (pre/post task, pre/post tool use); `blocked` stopped what came next. */
  | {
      readonly type: "hook";
      readonly taskId: string;
      readonly hook: string;
      readonly event: string;
      readonly verdict: "ok" | "blocked" | "failed";
      readonly reason?: string;
      readonly exitCode: number | null;
      readonly durationMs: number;
    }
  | { readonly type: "run-end"; readonly summary: RunSummary };

/** `autopilot` runs to the end; `supervised` pauses after each model turn that edits files. */
export type RunMode = "autopilot" | "supervised";

export const RUN_MODES: readonly RunMode[] = ["autopilot", "supervised"];
