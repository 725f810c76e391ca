import { join, relative, sep } from "node:path";
import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import { fileSha256 } from "../../workspace/file-sha256.js";
import { withGitRepositoryMemo } from "../../workspace/git/git-repository.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { acquireRunLock, openRunRecords, type RunRecords } from "../../workspace/run-log/index.js";
import type { AskCommand, AskUser } from "../agent-tools/agent-tool-context.js";
import { EngineError } from "../errors/engine-error.js";
import { loadRunHooks } from "../hooks/load-run-hooks.js";
import type { ModelSession } from "../llm/model-session.js";
import { requireRunSandbox } from "../sandbox/require-run-sandbox.js";
import { locateSpecTasks } from "../tasks/locate-spec-tasks.js";
import { updateTask } from "../tasks/update-task.js";
import { refuseUnreviewedRunControl, writeReviewRecord } from "../verification-integrity/task-reviews.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";
import type { ApprovalRequest, ApprovalResponse } from "./approval.js";
import { loadRunSettings } from "./load-run-settings.js";
import { writePausedQuestion } from "./paused-questions.js";
import { interruptedTasks, planRun } from "./plan-run.js";
import { recordTaskRun } from "./record-task-run.js";
import type { RunEvent, RunMode } from "./run-events.js";
import { type PreviousVerification, runOneTask } from "./run-one-task.js";
import type { RunSummary, TaskOutcome } from "./run-summary.js";
import type { RunnerServices } from "./runner-services.js";
import { completeParents, releasePending, settleInterrupted } from "./task-marks.js";

export const DEFAULT_MAX_STEPS = 40;
export const DEFAULT_REPAIR_ROUNDS = 2;
/** About 12k tokens: the task, its criteria and design, steering and a repository map fit. */
export const DEFAULT_CONTEXT_MAX_CHARS = 48_000;

export type InterruptedChoice = "resume" | "reset";

export interface InterruptedTask {
  readonly id: string;
  readonly title: string;
  readonly status: "in-progress" | "queued";
}

export interface RunSpecTasksOptions extends WorkspaceOptions {
  readonly spec: string;
  /** Tasks to run (a parent stands for its sub-tasks); none and no `all`: the next task. */
  readonly taskIds?: readonly string[];
  readonly all?: boolean;
  readonly mode?: RunMode;
  readonly continueOnFailure?: boolean;
  readonly includeOptional?: boolean;
  /** Model steps per task and repair round; default settings `agent.maxSteps`, else 40. */
  readonly maxSteps?: number;
  /** What to do with tasks an interrupted run left `[-]`/`[~]`; asked through `decideInterrupted` when absent. */
  readonly interrupted?: InterruptedChoice;
  readonly session: ModelSession;
  readonly services: RunnerServices;
  /** Default: `.kiro/settings/specwright.json`. */
  readonly settings?: SpecwrightSettings;
  readonly contextMaxChars?: number;
  readonly onEvent?: (event: RunEvent) => void;
  /** Supervised mode's reviewer; supervised without one is refused. */
  readonly approve?: (request: ApprovalRequest) => Promise<ApprovalResponse>;
  readonly askCommand?: AskCommand;
  /** Answers the agent's `ask_user` on a terminal; without it an unanswered question pauses the task. */
  readonly askUser?: AskUser;
  /** Answers to questions of a paused task (`--answer <id>=<text>`), by question id. */
  readonly answers?: ReadonlyMap<string, string>;
  readonly decideInterrupted?: (tasks: readonly InterruptedTask[]) => Promise<InterruptedChoice>;
  readonly abortSignal?: AbortSignal;
  /** A verification of the tree the first task starts from (a parallel wave's base), reused as its baseline. */
  readonly baseline?: PreviousVerification;
  /** The first task's starting tree is not accepted yet: it waits for it (see `RunOneTaskOptions.startsAfter`). */
  readonly startsAfter?: Promise<PreviousVerification | undefined>;
}

export interface RunSpecTasksResult {
  readonly root: string;
  readonly summary: RunSummary;
  /** The run's records, relative to the root. */
  readonly records: { readonly log: string; readonly summary: string };
}

/**
 * `specwright run`: works through a spec's tasks with the agent. The engine owns the task state in tasks.md:
 * `[-]` when a task starts (`[~]` for the ones queued behind it), `[x]` only after verification passed, and
 * back to `[ ]` on failure, so a run killed at any moment leaves no task checked off unverified. One run at a
 * time per spec; every event goes to the run's JSONL log, the outcome to a summary and `tasks.meta.json`.
 */
export function runSpecTasks(options: RunSpecTasksOptions): Promise<RunSpecTasksResult> {
  return withGitRepositoryMemo(() => runSpecTasksOnce(options));
}

async function runSpecTasksOnce(options: RunSpecTasksOptions): Promise<RunSpecTasksResult> {
  const root = await resolveWorkspaceRoot(options);
  const { folder, file: tasksFile } = await locateSpecTasks(root, options.spec);
  const mode = options.mode ?? "autopilot";
  if (mode === "supervised" && !options.approve) {
    throw new EngineError({
      code: "supervised-needs-reviewer",
      message: "Supervised mode pauses for a person to review each change, and nobody can answer here.",
      fix: "Run it in a terminal, or use --mode autopilot (every task is still verified by the tests).",
    });
  }
  await options.services.requireGitRepository(root);
  // What steers the run is read once, here: a task that rewrites it changes nothing for this run.
  const settings = options.settings ?? (await loadRunSettings(root));
  const sandbox = await options.services.commandSandbox?.(settings);
  const sandboxWarning = sandbox === undefined ? undefined : requireRunSandbox(mode, sandbox);
  await refuseUnreviewedRunControl(root);
  const verificationCommand = await options.services.resolveVerificationCommand({ root, settings });
  const steering = await options.services.readSteering(root);
  const hooks = await loadRunHooks(root, settings, sandbox, options.session);
  const lock = await acquireRunLock(folder.path);
  const records = await openRunRecords(folder.path);
  const startedAt = new Date().toISOString();
  const emit = (event: RunEvent) => {
    options.onEvent?.(event);
    // The log is a record, not a gate: the run goes on if one line cannot be written.
    records.append(event).catch(() => undefined);
  };
  const setStatus = (id: string, status: "todo" | "in-progress" | "queued" | "done") =>
    updateTask({ cwd: root, root, spec: folder.name, id, change: { status } });
  const pending = new Set<string>();
  try {
    const document = parseTasks(await readTextFile(tasksFile));
    const { resumed, reset } = await settleInterrupted(document, options, setStatus);
    const startedBefore = interruptedTasks(document)
      .filter((task) => task.status === "in-progress" && resumed.includes(task.id ?? ""))
      .map((task) => task.id ?? "");
    const current = reset.length > 0 ? parseTasks(await readTextFile(tasksFile)) : document;
    const plan = planRun(current, {
      taskIds: options.taskIds ?? [],
      all: options.all === true,
      includeOptional: options.includeOptional === true,
      resume: resumed,
    });
    const taskIds = plan.tasks.map((task) => task.id ?? "");
    // Interrupted tasks this run does not take up go back to [ ]: no mark may claim work nobody does.
    for (const id of resumed) if (!taskIds.includes(id)) await setStatus(id, "todo");
    emit({ type: "run-start", runId: records.runId, spec: folder.name, mode, taskIds, resumed, reset });
    if (sandboxWarning !== undefined) emit({ type: "warning", message: sandboxWarning });
    for (const skipped of plan.skipped) emit({ type: "task-skipped", ...skipped });
    for (const [index, task] of plan.tasks.entries()) {
      pending.add(task.id ?? "");
      if (index > 0) await setStatus(task.id ?? "", "queued");
    }
    const outcomes: TaskOutcome[] = [];
    let stoppedEarly: string | undefined;
    let previousVerification = options.baseline;
    let startsAfter = options.startsAfter;
    for (const task of plan.tasks) {
      if (options.abortSignal?.aborted) {
        stoppedEarly = "The run was interrupted.";
        break;
      }
      const id = task.id ?? "";
      await setStatus(id, "in-progress");
      const { outcome, fatal, lastVerification } = await runOneTask({
        root,
        spec: folder.name,
        task,
        tasksFile,
        resumed: startedBefore.includes(id),
        mode,
        maxSteps: options.maxSteps ?? settings.agent?.maxSteps ?? DEFAULT_MAX_STEPS,
        repairRounds: settings.agent?.repairRounds ?? DEFAULT_REPAIR_ROUNDS,
        contextMaxChars: options.contextMaxChars ?? DEFAULT_CONTEXT_MAX_CHARS,
        session: options.session,
        settings,
        verificationCommand,
        steering,
        ...(previousVerification ? { previousVerification } : {}),
        ...(startsAfter ? { startsAfter } : {}),
        services: options.services,
        emit,
        ...(options.approve ? { approve: options.approve } : {}),
        ...(options.askCommand ? { askCommand: options.askCommand } : {}),
        ...(options.askUser ? { askUser: options.askUser } : {}),
        ...(options.answers ? { answers: options.answers } : {}),
        ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}),
        ...(hooks ? { hooks: { ...hooks, ...(options.abortSignal ? { signal: options.abortSignal } : {}) } } : {}),
      });
      outcomes.push(outcome);
      previousVerification = lastVerification;
      startsAfter = undefined;
      // Only a passing verification, of tests the task did not weaken, checks a task off; anything else puts it back to [ ].
      await setStatus(id, outcome.status === "done" ? "done" : "todo");
      pending.delete(id);
      await recordReview(root, folder.path, outcome, records.runId);
      await writePausedQuestion(
        folder.path,
        id,
        outcome.status === "paused" && outcome.question
          ? {
              taskId: id,
              title: outcome.title,
              runId: records.runId,
              at: outcome.finishedAt,
              question: outcome.question,
            }
          : undefined,
      );
      if (outcome.status === "done") await completeParents(tasksFile, id, setStatus, emit);
      await recordTaskRun(join(folder.path, "tasks.meta.json"), task, outcome, records.runId, emit);
      // A paused task waits for its answer; the tasks after it may depend on that choice.
      if (outcome.status !== "done" && (fatal || outcome.status === "paused" || options.continueOnFailure !== true)) {
        stoppedEarly =
          outcome.error?.message ??
          (outcome.status === "paused" && outcome.question
            ? `Task ${id} is paused: the agent asks "${outcome.question.question}". Answer with specwright run ${folder.name} --answer ${outcome.question.id}=<your answer>.`
            : outcome.status === "needs-review"
              ? `Task ${id} needs review: its tests passed, but the task changed its own verification or what steers the run.`
              : `Task ${id} failed verification.`);
        break;
      }
    }
    await releasePending(pending, setStatus);
    const summary: RunSummary = {
      runId: records.runId,
      spec: folder.name,
      mode,
      startedAt,
      finishedAt: new Date().toISOString(),
      tasks: outcomes,
      skipped: plan.skipped,
      totals: options.session.totals(),
      stoppedEarly,
      sandboxBlocked: outcomes.reduce((total, outcome) => total + outcome.sandboxBlocked, 0),
      ok: outcomes.every((outcome) => outcome.status === "done"),
    };
    emit({ type: "run-end", summary });
    await records.writeSummary(summary);
    return { root, summary, records: relativeRecords(root, records) };
  } finally {
    // An exception (not a kill) must not leave tasks marked as being worked on.
    await releasePending(pending, setStatus).catch(() => undefined);
    await lock.release().catch(() => undefined);
  }
}

/** A needs-review outcome is kept for `status` and the next run; a task done (or failed afresh) clears it. */
export async function recordReview(
  root: string,
  specFolder: string,
  outcome: TaskOutcome,
  runId: string,
): Promise<void> {
  if (outcome.status !== "needs-review") {
    if (outcome.status === "done") await writeReviewRecord(specFolder, outcome.taskId, undefined);
    return;
  }
  const runControlFiles = [];
  for (const file of outcome.integrity?.runControlFiles ?? []) {
    // What is on disk now, which is what the next run would read.
    runControlFiles.push({ path: file.path, sha256: await fileSha256(join(root, file.path)) });
  }
  await writeReviewRecord(specFolder, outcome.taskId, {
    runId,
    at: outcome.finishedAt,
    title: outcome.title,
    findings: outcome.integrity?.findings ?? [],
    runControlFiles,
  });
}

function relativeRecords(root: string, records: RunRecords): { log: string; summary: string } {
  const fromRoot = (path: string) => relative(root, path).split(sep).join("/");
  return { log: fromRoot(records.paths.log), summary: fromRoot(records.paths.summary) };
}
