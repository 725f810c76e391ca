import type { CommandRequest, ReviewRequest, RunEnd, RunEventData, RunQuestion } from "../api/api-types";

export interface PendingReview {
  readonly reviewId: string;
  readonly request: ReviewRequest;
}

/** An event with its place in the run, which is its identity in the log. */
export interface LoggedEvent {
  readonly sequence: number;
  readonly event: RunEventData;
}

export interface RunState {
  readonly events: readonly LoggedEvent[];
  readonly review: PendingReview | undefined;
  readonly question: RunQuestion | undefined;
  readonly command: CommandRequest | undefined;
  /** Set when the run is over: its final state, summary and error. */
  readonly end: RunEnd | undefined;
  readonly summary: Record<string, unknown> | undefined;
  readonly startedAt: number | undefined;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number | undefined;
  readonly currentTask: string | undefined;
  readonly step: number;
}

export const emptyRunState: RunState = {
  events: [],
  review: undefined,
  question: undefined,
  command: undefined,
  end: undefined,
  summary: undefined,
  startedAt: undefined,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: undefined,
  currentTask: undefined,
  step: 0,
};

export type RunMessage =
  | { readonly kind: "run"; readonly event: RunEventData }
  | { readonly kind: "review"; readonly review: PendingReview }
  | { readonly kind: "question"; readonly question: RunQuestion }
  | { readonly kind: "command"; readonly command: CommandRequest }
  /** `id` given: that pending item was answered (maybe in another tab); none: whatever this page answered. */
  | { readonly kind: "answered"; readonly id?: string }
  | { readonly kind: "end"; readonly end: RunEnd };

/** Folds the run's stream into what the page shows; pure, so replayed events give the same view. */
export function reduceRun(state: RunState, message: RunMessage, now: number): RunState {
  switch (message.kind) {
    case "review":
      return { ...state, review: message.review };
    case "question":
      return { ...state, question: message.question };
    case "command":
      return { ...state, command: message.command };
    case "answered": {
      const { id } = message;
      return {
        ...state,
        review: id === undefined || state.review?.reviewId === id ? undefined : state.review,
        question: id === undefined || state.question?.questionId === id ? undefined : state.question,
        command: id === undefined || state.command?.commandId === id ? undefined : state.command,
      };
    }
    case "end":
      return {
        ...state,
        end: message.end,
        summary: message.end.summary ?? state.summary,
        review: undefined,
        question: undefined,
        command: undefined,
      };
    case "run": {
      const { event } = message;
      const next: RunState = {
        ...state,
        events: [...state.events, { sequence: state.events.length, event }],
        startedAt: state.startedAt ?? now,
      };
      if (event.type === "task-start") return { ...next, currentTask: event.taskId, step: 0 };
      if (event.type === "tool-call" && typeof event.step === "number") return { ...next, step: event.step };
      if (event.type === "step-end" && event.totals !== undefined) {
        return {
          ...next,
          step: event.step ?? next.step,
          inputTokens: event.totals.inputTokens,
          outputTokens: event.totals.outputTokens,
          costUsd: event.totals.costUsd ?? undefined,
        };
      }
      if (event.type === "approval") return { ...next, review: undefined };
      if (event.type === "run-end") {
        const summary = event.summary as Record<string, unknown> | undefined;
        return { ...next, summary: summary ?? next.summary, review: undefined, question: undefined };
      }
      return next;
    }
  }
}

/** One line for the event log: what happened, in the words a reviewer reads. */
export function describeEvent(event: RunEventData): string {
  const task = event.taskId === undefined ? "" : `task ${event.taskId}: `;
  switch (event.type) {
    case "run-start":
      return `run started (${String(event.mode ?? "")})`;
    case "task-start":
      return `${task}started — ${event.title ?? ""}`;
    case "tool-call":
      return `${task}step ${event.step ?? "?"} calls ${event.tool ?? "a tool"}`;
    case "tool-result":
      return `${task}${event.tool ?? "tool"} ${event.ok === false ? "failed" : "ok"}: ${String(event.summary ?? "")}`;
    case "step-end":
      return `${task}step ${event.step ?? "?"} done (${event.usage?.inputTokens ?? 0} in, ${event.usage?.outputTokens ?? 0} out tokens)`;
    case "verify-start":
      return `${task}verifying: ${String(event.command ?? "")}`;
    case "verify-end":
      return `${task}verification ${event.passed === true ? "passed" : "failed"}`;
    case "approval":
      return `${task}review answered`;
    case "task-end":
      return `${task}${event.outcome?.status ?? "ended"}`;
    case "task-skipped":
      return `${task}skipped: ${String(event.reason ?? "")}`;
    case "warning":
      return `warning: ${event.message ?? ""}`;
    case "run-end":
      return "run ended";
    default:
      return `${task}${event.type}`;
  }
}
