import { randomUUID } from "node:crypto";
import type { CommandApprovalRequest, UserQuestion } from "../../engine/agent-tools/agent-tool-context.js";
import type { DashboardRoot } from "../../engine/dashboard/dashboard-roots.js";
import { EngineError } from "../../engine/errors/engine-error.js";
import { loadModelSettings } from "../../engine/llm/load-model-settings.js";
import { type BudgetLimits, resolveBudgetLimits } from "../../engine/llm/resolve-budget-limits.js";
import { agentContextChars } from "../../engine/runner/agent-context-chars.js";
import type { ApprovalRequest, ApprovalResponse } from "../../engine/runner/approval.js";
import { createDefaultRunnerServices } from "../../engine/runner/default-runner-services.js";
import type { RunEvent, RunMode } from "../../engine/runner/run-events.js";
import { type InterruptedChoice, runSpecTasks } from "../../engine/runner/run-spec-tasks.js";
import { DashboardRun } from "./dashboard-run.js";
import { errorBody } from "./error-response.js";
import type { OpenRunSession, RunBudget, RunSession } from "./run-session.js";

export interface StartRunRequest {
  readonly root: DashboardRoot;
  readonly spec: string;
  readonly taskIds?: readonly string[];
  readonly all?: boolean;
  readonly mode: RunMode;
  readonly includeOptional?: boolean;
  readonly interrupted?: InterruptedChoice;
  /** Answers to paused tasks' questions, by question id. */
  readonly answers?: ReadonlyMap<string, string>;
}

/** How many finished runs `GET /api/runs` keeps besides the active ones. */
const RECENT_RUNS = 20;

/**
 * The runs started from the page. Each is the engine's `runSpecTasks` with the page as its reviewer
 * (`approve`), its person to ask (`askUser`, `askCommand`) and its Ctrl-C (the AbortSignal).
 */
export class RunManager {
  private readonly runs = new Map<string, DashboardRun>();
  private readonly sessions = new Map<string, RunSession>();
  /** Each active run's token and cost limits, resolved as its session's were (flags, then settings). */
  private readonly limits = new Map<string, BudgetLimits>();
  private readonly work = new Set<Promise<void>>();

  constructor(
    private readonly openSession: OpenRunSession,
    private readonly budget: RunBudget,
  ) {}

  list(): DashboardRun[] {
    return [...this.runs.values()].sort((left, right) => right.startedAt.localeCompare(left.startedAt));
  }

  get(id: string): DashboardRun {
    const run = this.runs.get(id);
    if (run !== undefined) return run;
    throw new EngineError({
      code: "not-found",
      message: `There is no run "${id}" (runs are kept while the dashboard runs; it may have restarted).`,
      fix: "List the runs with GET /api/runs, or start one with POST /api/runs.",
    });
  }

  /**
   * The limits (each with where it came from: `flag` or `settings`) and what the active run spent so far;
   * undefined when no run is active.
   */
  currentBudget(): Record<string, unknown> | undefined {
    const active = this.list().find((run) => !run.finished);
    const session = active === undefined ? undefined : this.sessions.get(active.id);
    if (active === undefined || session === undefined) return undefined;
    const totals = session.totals();
    const limits = this.limits.get(active.id) ?? {};
    return {
      runId: active.id,
      spec: active.spec,
      ...(limits.maxTokens === undefined ? {} : { maxTokens: limits.maxTokens.value }),
      ...(limits.maxCost === undefined ? {} : { maxCost: limits.maxCost.value }),
      sources: {
        ...(limits.maxTokens === undefined ? {} : { maxTokens: limits.maxTokens.source }),
        ...(limits.maxCost === undefined ? {} : { maxCost: limits.maxCost.source }),
      },
      tokens: totals.inputTokens + totals.outputTokens,
      cost: totals.costUsd ?? null,
    };
  }

  /**
   * Starts a run and resolves once the engine reported `run-start`, so a refusal before any work (a second
   * run of the spec, no git repository, an unknown task) is the request's answer rather than an event.
   */
  async start(request: StartRunRequest): Promise<DashboardRun> {
    const busy = this.list().find((run) => !run.finished && run.root === request.root.id && run.spec === request.spec);
    if (busy !== undefined) {
      throw new EngineError({
        code: "run-in-progress",
        message: `Spec "${request.spec}" already has a run in progress (${busy.id}).`,
        fix: "Wait for it to end or cancel it (POST /api/runs/<id>/cancel), then start another.",
      });
    }
    const run = new DashboardRun(
      randomUUID(),
      request.root.id,
      request.spec,
      request.mode,
      request.taskIds ?? [],
      request.all === true,
    );
    this.runs.set(run.id, run);
    this.forgetOldRuns();
    let started: () => void = () => undefined;
    const startedPromise = new Promise<void>((resolve) => {
      started = resolve;
    });
    const work = this.execute(run, request, started);
    this.work.add(work);
    void work.finally(() => this.work.delete(work));
    await Promise.race([startedPromise, work]);
    if (run.engineRunId === undefined && run.failure !== undefined) {
      this.runs.delete(run.id);
      throw run.failure;
    }
    return run;
  }

  cancel(id: string): void {
    const run = this.get(id);
    if (run.finished) return;
    run.controller.abort();
    // Whatever the run waits for is answered so it can see the abort and stop.
    for (const pending of [...run.pending.values()]) {
      const answer =
        pending.kind === "review"
          ? ({ rejectedPaths: [], message: "The run was cancelled." } satisfies ApprovalResponse)
          : pending.kind === "command"
            ? false
            : "The run was cancelled.";
      run.answer(pending.kind, pending.id, answer);
    }
  }

  /** Cancels every active run and waits for them to put their tasks back. */
  async close(): Promise<void> {
    for (const run of this.list()) if (!run.finished) this.cancel(run.id);
    await Promise.allSettled([...this.work]);
  }

  private async execute(run: DashboardRun, request: StartRunRequest, started: () => void): Promise<void> {
    let session: RunSession | undefined;
    try {
      session = await this.openSession(request.root.path, (event) => {
        // The streamed answer's progress would be a message per chunk; step-end events carry the tokens.
        if (event.type !== "progress") run.push({ event: "model", data: event });
      });
      // The session refused bad settings already, so reading them again cannot fail on their content.
      this.limits.set(run.id, resolveBudgetLimits(this.budget, await loadModelSettings(request.root.path)));
      this.sessions.set(run.id, session);
      const contextMaxChars = agentContextChars(session);
      const result = await runSpecTasks({
        cwd: request.root.path,
        root: request.root.path,
        spec: request.spec,
        ...(request.taskIds && request.taskIds.length > 0 ? { taskIds: request.taskIds } : {}),
        all: request.all === true,
        mode: request.mode,
        includeOptional: request.includeOptional === true,
        ...(request.interrupted === undefined ? {} : { interrupted: request.interrupted }),
        ...(request.answers === undefined ? {} : { answers: request.answers }),
        session,
        ...(contextMaxChars === undefined ? {} : { contextMaxChars }),
        services: createDefaultRunnerServices(),
        abortSignal: run.controller.signal,
        onEvent: (event: RunEvent) => {
          if (event.type === "run-start") {
            run.engineRunId = event.runId;
            if (run.state === "starting") run.state = "running";
            started();
          }
          run.push({ event: "run", data: event });
        },
        approve: (approval: ApprovalRequest) => run.ask<ApprovalResponse>("review", { request: approval }),
        askUser: (question: UserQuestion) =>
          run.ask<string>("question", {
            question: question.question,
            questionKey: question.id,
            ...(question.options === undefined ? {} : { options: question.options }),
            ...(question.default === undefined ? {} : { default: question.default }),
          }),
        askCommand: (command: CommandApprovalRequest) => run.ask<boolean>("command", { request: command }),
      });
      run.summary = result.summary;
      run.state = run.controller.signal.aborted ? "cancelled" : result.summary.ok ? "done" : "failed";
    } catch (error) {
      run.failure = error;
      run.error = errorBody(error);
      run.state = run.controller.signal.aborted ? "cancelled" : "failed";
    } finally {
      await session?.flush?.().catch(() => undefined);
      this.sessions.delete(run.id);
      this.limits.delete(run.id);
      run.endedAt = new Date().toISOString();
      run.push({
        event: "end",
        data: {
          state: run.state,
          ...(run.summary === undefined ? {} : { summary: run.summary }),
          ...(run.error === undefined ? {} : { error: run.error }),
        },
      });
    }
  }

  private forgetOldRuns(): void {
    const finished = this.list().filter((run) => run.finished);
    for (const run of finished.slice(RECENT_RUNS)) this.runs.delete(run.id);
  }
}
