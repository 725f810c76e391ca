import type { ModelMessage, StepResult, ToolSet } from "ai";
import type { DetectedCommand } from "../../model/inventory/detected-command.js";
import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import { taskReferenceIds } from "../../model/tasks/task-reference-ids.js";
import type { Task } from "../../model/tasks/task-types.js";
import { editTextFile } from "../../workspace/edit-file.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import type { AskCommand, AskUser, UserQuestion } from "../agent-tools/agent-tool-context.js";
import type { SteeringInputs } from "../context/read-steering-inputs.js";
import type { HookContext } from "../hooks/hook-context.js";
import { wrapToolsWithHooks } from "../hooks/wrap-tools-with-hooks.js";
import type { ModelSession } from "../llm/model-session.js";
import type { IntegrityReport } from "../verification-integrity/integrity-types.js";
import type { IntegrityWatch } from "../verification-integrity/task-integrity.js";
import type { TestCount } from "../verification-integrity/test-count.js";
import { runAgentTurns } from "./agent-turns.js";
import { type ApprovalRequest, type ApprovalResponse, approvalPolicy, reviewFeedback } from "./approval.js";
import { holdAnswersUntil } from "./hold-answers.js";
import { extractOpenQuestions } from "./open-questions.js";
import type { RunEvent, RunMode } from "./run-events.js";
import type { RunFileChange, TaskOutcome, VerificationRecord } from "./run-summary.js";
import type { RunnerServices } from "./runner-services.js";
import { summarizeToolInput, summarizeToolOutput } from "./summarize-tool.js";
import { describeTaskError, type TaskError } from "./task-error.js";
import { emitHookRuns, promptText, runAgentLoopHooks, runPostTaskHooks, runPreTaskHooks } from "./task-hooks.js";
import {
  AGENT_SYSTEM_PROMPT,
  answersPrompt,
  checkpointPrompt,
  taskPrompt,
  verificationFailurePrompt,
} from "./task-prompt.js";

/** A verification of a tree, by commit, with how many tests ran there. */
export type PreviousVerification = { readonly commit: string; readonly testCount: TestCount | undefined };

export interface RunOneTaskOptions {
  readonly root: string;
  readonly spec: string;
  readonly task: Task;
  /** The spec's tasks.md, which the agent may not change. */
  readonly tasksFile: string;
  /** The task was `[-]` when an interrupted run stopped: its work so far counts, from its old checkpoint. */
  readonly resumed: boolean;
  readonly mode: RunMode;
  readonly maxSteps: number;
  readonly repairRounds: number;
  readonly contextMaxChars: number;
  readonly session: ModelSession;
  readonly settings: SpecwrightSettings;
  /** The test command in force, chosen when the run started. */
  readonly verificationCommand: DetectedCommand;
  /** The steering in force, read when the run started. */
  readonly steering: SteeringInputs;
  /** The last verification of this run, when the tree it ran on may be this task's starting point. */
  readonly previousVerification?: PreviousVerification;
  /**
   * The tree this task starts from is not accepted yet (a wave started while the tests of the one before
   * run): nothing of the task runs before it settles, beyond the first model request, whose answer is held.
   * Its value, when there is one, is the baseline; a rejection ends the task before any tool or hook runs.
   */
  readonly startsAfter?: Promise<PreviousVerification | undefined>;
  readonly services: RunnerServices;
  readonly emit: (event: RunEvent) => void;
  readonly approve?: (request: ApprovalRequest) => Promise<ApprovalResponse>;
  readonly askCommand?: AskCommand;
  /** Answers the agent's `ask_user` on a terminal; without it an unanswered question pauses the task. */
  readonly askUser?: AskUser;
  /** Answers given up front (`run --answer`), by question id. */
  readonly answers?: ReadonlyMap<string, string>;
  readonly abortSignal?: AbortSignal;
  /** The workspace's hooks, read when the run started; absent: no hook runs. */
  readonly hooks?: HookContext;
}

/** The outcome, and whether the run must stop whatever `--continue-on-failure` says (budget, model down). */
export interface OneTaskResult {
  readonly outcome: TaskOutcome;
  readonly fatal: boolean;
  /** The test count of the task's last verification and the commit it ran on, for the next task's baseline. */
  readonly lastVerification?: PreviousVerification;
}

/**
 * One task from start to verdict: checkpoint, context, the agent loop (with supervised reviews), checkpoint,
 * verification and repair rounds. It decides nothing about tasks.md: the caller checks the task off only
 * when the outcome is `done`, which only a passing verification produces.
 */
export async function runOneTask(options: RunOneTaskOptions): Promise<OneTaskResult> {
  const { task, services, root, spec, emit } = options;
  const taskId = task.id ?? "";
  const startedAt = new Date().toISOString();
  const usage = { inputTokens: 0, outputTokens: 0 };
  let steps = 0;
  let repairRoundsUsed = 0;
  let sandboxBlocked = 0;
  let finalText = "";
  let verification: VerificationRecord | undefined;
  let error: TaskError | undefined;
  let before: string | undefined;
  let after: string | undefined;
  let integrity: IntegrityReport | undefined;
  let question: UserQuestion | undefined;
  const gitMetadataChanged = new Set<string>();
  let setupFailure: { readonly error: unknown } | undefined;
  const command = options.verificationCommand.command;
  const verifyOnce = async (round: number): Promise<VerificationRecord> => {
    emit({ type: "verify-start", taskId, command, round });
    const result = await services.verify({
      root,
      settings: options.settings,
      command,
      ...(options.abortSignal ? { signal: options.abortSignal } : {}),
    });
    emit({ type: "verify-end", taskId, round, ...result });
    return result;
  };

  // The session writes its usage log in the background; a snapshot taken meanwhile would catch its lock files.
  const settle = () => waitForUsageRecords(options.session);
  emit({ type: "task-start", taskId, title: task.title, checkpoint: task.checkpoint });
  const hookScope = { spec, task, emit };
  const accepted = options.startsAfter ?? Promise.resolve(undefined);
  let refused = false;
  accepted.catch(() => {
    refused = true;
  });
  try {
    // A hook runs commands: not on a tree that may yet be dropped.
    if (options.hooks !== undefined) await accepted;
    const hookContext = await runPreTaskHooks(options.hooks, hookScope);
    await settle();
    const setUp = async (): Promise<{ readonly watch: IntegrityWatch; readonly beforeCommit: string }> => {
      const previous = (await accepted) ?? options.previousVerification;
      const stored = options.resumed ? await services.storedBeforeCheckpoint({ root, spec, taskId }) : undefined;
      before = stored ?? (await services.createCheckpoint({ root, spec, taskId, stage: "before" }));
      emit({ type: "checkpoint", taskId, stage: "before", commit: before });
      const beforeCommit = before;
      if (task.checkpoint) verification = await verifyOnce(0);
      const started = await services.startIntegrityWatch({
        root,
        spec,
        taskId,
        beforeCommit,
        command: options.verificationCommand,
        testCount: await baselineTestCount(options, previous, beforeCommit, verification),
      });
      emit({ type: "baseline", taskId, command, testCount: started.baseline.testCount?.executed ?? "unknown" });
      return { watch: started, beforeCommit };
    };
    // In autopilot, with no hook to run between, the model's first turn goes out while the checkpoint and
    // baseline are taken: its answer is held until they are (a checkpoint task's tests decide first whether
    // the model runs at all, and a reviewer's diffs start from the checkpoint).
    const overlapped = options.mode === "autopilot" && !task.checkpoint && options.hooks === undefined;
    const settingUp = overlapped ? setUp() : Promise.resolve(await setUp());
    settingUp.catch((failure: unknown) => {
      setupFailure = { error: failure };
    });
    const held = overlapped ? holdAnswersUntil(options.session.languageModel, settingUp) : undefined;
    // A model that cannot be held waits for the setup here, as when nothing overlaps.
    if (held === undefined) await settingUp;
    const model = held ?? options.session.languageModel;
    if (!verification?.passed) {
      const builtContext = await services.buildContext({
        root,
        spec,
        taskId,
        maxChars: options.contextMaxChars,
        steering: options.steering,
      });
      const context = builtContext + hookContext;
      // After the baseline, as when nothing overlaps: registered before the model's held answer is.
      const contextShown = settingUp.then(() => emit({ type: "context", taskId, characters: context.length }));
      contextShown.catch(() => undefined);
      const createdTools = services.createTools({
        root,
        settings: options.settings,
        ...(options.askCommand ? { askCommand: options.askCommand } : {}),
        ...(options.askUser ? { askUser: options.askUser } : {}),
        ...(options.answers ? { answers: options.answers } : {}),
        onQuestionPending: (asked) => {
          question ??= asked;
        },
      });
      const tools = options.hooks
        ? wrapToolsWithHooks(createdTools, options.hooks, {
            spec,
            taskId,
            onDispatch: (dispatch) => emitHookRuns(emit, taskId, dispatch),
          })
        : createdTools;
      const opening =
        task.checkpoint && verification
          ? `${checkpointPrompt(task, context)}\n\n${verificationFailurePrompt(verification.command, verification.outputTail, 0, options.repairRounds)}`
          : `${taskPrompt(task, context)}${answersPrompt(options.answers ?? new Map())}`;
      let messages: readonly ModelMessage[] = [{ role: "user", content: opening }];
      const review = options.mode === "supervised" ? createReview(options, (await settingUp).beforeCommit) : undefined;
      await runAgentLoopHooks(options.hooks, hookScope, "session-start", opening);
      for (let round = 0; ; round++) {
        const plan = await readTextFile(options.tasksFile);
        await runAgentLoopHooks(options.hooks, hookScope, "prompt-submit", promptText(messages.at(-1)));
        const turns = await runAgentTurns({
          model,
          tools,
          system: AGENT_SYSTEM_PROMPT,
          messages,
          maxSteps: options.maxSteps,
          firstStep: steps + 1,
          onToolCall: (step, tool, input) =>
            emit({ type: "tool-call", taskId, step, tool, input: summarizeToolInput(input) }),
          onStep: (step, result) => {
            usage.inputTokens += result.usage.inputTokens ?? 0;
            usage.outputTokens += result.usage.outputTokens ?? 0;
            sandboxBlocked += emitToolResults(emit, taskId, step, result);
            const stepUsage = {
              inputTokens: result.usage.inputTokens ?? 0,
              outputTokens: result.usage.outputTokens ?? 0,
            };
            // Recorded before the event, so a budget passed stops the loop here (record throws).
            options.session.record(`task ${taskId}`, stepUsage);
            emit({
              type: "step-end",
              taskId,
              step,
              text: result.text,
              finishReason: result.finishReason,
              usage: stepUsage,
              totals: options.session.totals(),
            });
          },
          ...(review !== undefined ? { review } : {}),
          ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}),
          shouldStop: () => question !== undefined,
        });
        steps += turns.steps;
        messages = turns.messages;
        await keepPlan(options, plan);
        if (turns.finalText) finalText = turns.finalText;
        await runAgentLoopHooks(options.hooks, hookScope, "agent-stop", turns.finalText ?? "");
        await settle();
        // A question nobody can answer now pauses the task: nothing to verify until the answer comes.
        if (question !== undefined) break;
        // Settled by now (the answers waited for it); a failed setup is the task's error.
        const { watch: running, beforeCommit: startedFrom } = await settingUp;
        // Before git runs again: a `.git/` change the task made anyway is undone, then reported.
        for (const path of await services.guardGitMetadata(running)) gitMetadataChanged.add(path);
        after = await services.createCheckpoint({ root, spec, taskId, stage: "after", parent: startedFrom });
        emit({ type: "checkpoint", taskId, stage: "after", commit: after });
        verification = await verifyOnce(round + 1);
        if (verification.passed || round >= options.repairRounds) break;
        repairRoundsUsed = round + 1;
        emit({ type: "repair", taskId, round: round + 1, of: options.repairRounds });
        messages = [
          ...messages,
          {
            role: "user",
            content: verificationFailurePrompt(
              verification.command,
              verification.outputTail,
              round + 1,
              options.repairRounds,
            ),
          },
        ];
      }
    }
    if (after !== undefined && verification?.passed === true) {
      integrity = await services.finishIntegrity({
        watch: (await settingUp).watch,
        spec,
        afterCommit: after,
        testCountAfter: verification.testCount,
        gitMetadataChanged: [...gitMetadataChanged],
        testable: !task.checkpoint && taskReferenceIds(task, "requirements").length > 0,
      });
    }
  } catch (caught) {
    // What the held answer reported is the setup's failure, which says more than the model call's.
    error = describeTaskError(setupFailure?.error ?? caught);
  }
  const files = after === undefined ? [] : await changedFiles(options, taskId);
  // Tests that passed before the task passing after it prove nothing when the agent changed nothing.
  if (error === undefined && verification?.passed === true && after !== undefined && files.length === 0) {
    error = {
      code: "no-changes",
      message: `The agent changed no files for task ${taskId}, so the passing tests do not show it is done.`,
      fix: `If the work is already there, check the task off yourself: specwright task ${spec} ${taskId} --status done`,
    };
  }
  const passed = error === undefined && verification?.passed === true;
  const weakened = (integrity?.findings.length ?? 0) > 0 || gitMetadataChanged.size > 0;
  const outcome: TaskOutcome = {
    taskId,
    title: task.title,
    status:
      question !== undefined && error === undefined
        ? "paused"
        : passed
          ? weakened
            ? "needs-review"
            : "done"
          : "failed",
    ...(question !== undefined ? { question } : {}),
    startedAt,
    finishedAt: new Date().toISOString(),
    steps,
    repairRounds: repairRoundsUsed,
    verification,
    files,
    usage,
    openQuestions: extractOpenQuestions(finalText),
    error,
    checkpoints: { before, after },
    sandboxBlocked,
    ...(integrity !== undefined ? { integrity } : {}),
  };
  // After verification, before the verdict is announced: the hooks see the outcome the run records. A task
  // whose starting tree was refused never started: no hook hears of it.
  if (!refused) await runPostTaskHooks(options.hooks, hookScope, outcome);
  emit({ type: "task-end", taskId, outcome });
  const last = verification && (after ?? before);
  return {
    outcome,
    fatal: error !== undefined && error.code !== "no-changes",
    ...(last !== undefined && verification
      ? { lastVerification: { commit: last, testCount: verification.testCount } }
      : {}),
  };
}

/**
 * How many tests ran before the task: from the checkpoint task's own first verification, else the run's
 * last verification when the tree it ran on holds the same work, else from running the tests once now.
 * Undefined when the runner's summary cannot be read.
 */
async function baselineTestCount(
  options: RunOneTaskOptions,
  previous: PreviousVerification | undefined,
  beforeCommit: string,
  ranAlready: VerificationRecord | undefined,
): Promise<TestCount | undefined> {
  if (ranAlready !== undefined) return ranAlready.testCount;
  if (
    previous !== undefined &&
    (await options.services.sameWork({
      root: options.root,
      spec: options.spec,
      from: previous.commit,
      to: beforeCommit,
    }))
  ) {
    return previous.testCount;
  }
  const taskId = options.task.id ?? "";
  options.emit({ type: "verify-start", taskId, command: options.verificationCommand.command, round: -1 });
  const result = await options.services.verify({
    root: options.root,
    settings: options.settings,
    command: options.verificationCommand.command,
    ...(options.abortSignal ? { signal: options.abortSignal } : {}),
  });
  options.emit({ type: "verify-end", taskId, round: -1, ...result });
  return result.testCount;
}

/**
 * The supervised pause: the files changed since the state the reviewer last accepted (at first, the task's
 * before checkpoint), so each review shows only the model's new changes and a rejected file goes back to
 * what was accepted, not further.
 */
function createReview(options: RunOneTaskOptions, beforeCommit: string): (step: number) => Promise<string | undefined> {
  let baseline = beforeCommit;
  const taskId = options.task.id ?? "";
  return async (step) => {
    await waitForUsageRecords(options.session);
    const diffs = await options.services.workingTreeDiffSince({
      root: options.root,
      commit: baseline,
      spec: options.spec,
    });
    // The checkpoint functions leave the runner's bookkeeping (tasks.md, runs/, usage log) out already.
    const fresh = diffs;
    if (approvalPolicy(options.mode, fresh) === "allow" || !options.approve) return undefined;
    const response = await options.approve({ taskId, step, files: fresh });
    const offered = new Set(fresh.map((file) => file.path));
    const rejected = response.rejectedPaths.filter((path) => offered.has(path));
    if (rejected.length > 0) {
      await options.services.restorePaths({ root: options.root, commit: baseline, paths: rejected });
    }
    baseline = await options.services.snapshotWorkingTree(options.root);
    options.emit({
      type: "approval",
      taskId,
      step,
      files: fresh.map((file) => file.path),
      rejected,
      message: response.message,
    });
    return reviewFeedback({ rejectedPaths: rejected, ...(response.message ? { message: response.message } : {}) });
  };
}

/**
 * Only the engine changes task state: whatever the agent wrote into tasks.md (a task checked off, say) is
 * undone, under the file's lock, and reported.
 */
async function keepPlan(options: RunOneTaskOptions, plan: string): Promise<void> {
  const result = await editTextFile(options.tasksFile, (current) => (current === plan ? undefined : plan));
  if (result.changed) {
    options.emit({
      type: "warning",
      message: `The agent edited tasks.md while working on task ${options.task.id ?? ""}; its edit was undone (only Specwright changes task state).`,
    });
  }
}

/** Sessions that record usage to a file (`createModelSession` with a root) can be waited for. */
async function waitForUsageRecords(session: ModelSession): Promise<void> {
  if ("flush" in session && typeof session.flush === "function") await session.flush();
}

async function changedFiles(options: RunOneTaskOptions, taskId: string): Promise<readonly RunFileChange[]> {
  try {
    const files = await options.services.taskChanges({ root: options.root, spec: options.spec, taskId });
    return files;
  } catch {
    // The record of what changed is a report; the checkpoints themselves are intact and `diff` can show them.
    return [];
  }
}

/** Emits the step's tool results; returns the operations the sandbox refused in them. */
function emitToolResults(
  emit: (event: RunEvent) => void,
  taskId: string,
  step: number,
  result: StepResult<ToolSet>,
): number {
  let blocked = 0;
  for (const part of result.content) {
    if (part.type === "tool-result") {
      const sandboxBlocked = sandboxBlockedOperations(part.output);
      blocked += sandboxBlocked;
      emit({
        type: "tool-result",
        taskId,
        step,
        tool: part.toolName,
        ok: true,
        summary: summarizeToolOutput(part.output),
        ...(sandboxBlocked > 0 ? { sandboxBlocked } : {}),
      });
    } else if (part.type === "tool-error") {
      emit({
        type: "tool-result",
        taskId,
        step,
        tool: part.toolName,
        ok: false,
        summary: summarizeToolOutput(part.error),
      });
    }
  }
  return blocked;
}

/** run_command results carry `blocked.operations` when the OS sandbox refused something. */
function sandboxBlockedOperations(output: unknown): number {
  if (typeof output !== "object" || output === null || !("blocked" in output)) return 0;
  const blocked: unknown = output.blocked;
  if (typeof blocked !== "object" || blocked === null || !("operations" in blocked)) return 0;
  return typeof blocked.operations === "number" ? blocked.operations : 0;
}
