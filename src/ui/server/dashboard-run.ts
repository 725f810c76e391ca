import type { RunMode } from "../../engine/runner/run-events.js";
import type { RunSummary } from "../../engine/runner/run-summary.js";
import type { ApiError } from "./error-response.js";

export type RunState = "starting" | "running" | "waiting" | "done" | "failed" | "cancelled";

/** One Server-Sent Event of a run, in the order it happened; its index is its SSE id. */
export interface RunMessage {
  readonly event: "run" | "model" | "review" | "question" | "command" | "answered" | "end";
  readonly data: unknown;
}

/** A review, question or command approval the run waits for; the POST that answers it resolves it. */
export interface PendingAnswer {
  readonly id: string;
  readonly kind: "review" | "question" | "command";
  readonly payload: unknown;
  readonly resolve: (answer: unknown) => void;
}

/**
 * A run started from the page: its messages (kept whole, so a page that subscribes late replays them), what
 * it waits for, and the controller that cancels it.
 */
export class DashboardRun {
  readonly messages: RunMessage[] = [];
  readonly pending = new Map<string, PendingAnswer>();
  readonly controller = new AbortController();
  readonly startedAt = new Date().toISOString();
  state: RunState = "starting";
  endedAt: string | undefined;
  summary: RunSummary | undefined;
  error: ApiError | undefined;
  /** What the run threw, kept so a refusal before it started answers the request that started it. */
  failure: unknown;
  /** The engine's run id, once its first event came. */
  engineRunId: string | undefined;
  private waiters: (() => void)[] = [];
  private counter = 0;

  constructor(
    readonly id: string,
    readonly root: string,
    readonly spec: string,
    readonly mode: RunMode,
    readonly taskIds: readonly string[],
    readonly all: boolean,
  ) {}

  get finished(): boolean {
    return this.state === "done" || this.state === "failed" || this.state === "cancelled";
  }

  push(message: RunMessage): void {
    this.messages.push(message);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves at the next message (or at once when the run is over). */
  next(): Promise<void> {
    if (this.finished && this.messages.at(-1)?.event === "end") return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Parks a question for the page and resolves with the answer it posts. */
  ask<Answer>(kind: PendingAnswer["kind"], payload: Record<string, unknown>): Promise<Answer> {
    this.counter += 1;
    const id = `${kind}-${this.counter}`;
    return new Promise<Answer>((resolve) => {
      this.pending.set(id, { id, kind, payload, resolve: (answer) => resolve(answer as Answer) });
      this.state = "waiting";
      this.push({ event: kind, data: { [`${kind}Id`]: id, ...payload } });
    });
  }

  /** Gives the run the page's answer; false when nothing waits under that id. */
  answer(kind: PendingAnswer["kind"], id: string, answer: unknown): boolean {
    const pending = this.pending.get(id);
    if (pending === undefined || pending.kind !== kind) return false;
    this.pending.delete(id);
    if (this.pending.size === 0 && this.state === "waiting") this.state = "running";
    this.push({ event: "answered", data: { id, kind } });
    pending.resolve(answer);
    return true;
  }

  describe(): Record<string, unknown> {
    return {
      source: "dashboard",
      runId: this.id,
      root: this.root,
      spec: this.spec,
      mode: this.mode,
      state: this.state,
      startedAt: this.startedAt,
      ...(this.endedAt === undefined ? {} : { endedAt: this.endedAt }),
      taskIds: this.taskIds,
      all: this.all,
      ...(this.engineRunId === undefined ? {} : { engineRunId: this.engineRunId }),
      ...(this.summary === undefined ? {} : { summary: this.summary }),
      ...(this.error === undefined ? {} : { error: this.error }),
      pending: [...this.pending.values()].map((entry) => ({
        id: entry.id,
        kind: entry.kind,
        ...(entry.payload as object),
      })),
    };
  }
}
