import type { Task } from "../../model/tasks/task-types.js";
import { EngineError } from "../errors/engine-error.js";
import { dispatchHooks, type HookDispatch } from "../hooks/dispatch-hooks.js";
import type { HookContext } from "../hooks/hook-context.js";
import type { RunEvent } from "./run-events.js";
import type { TaskOutcome } from "./run-summary.js";

/** The run event of each hook that ran in a dispatch. */
export function emitHookRuns(emit: (event: RunEvent) => void, taskId: string, dispatch: HookDispatch): void {
  for (const result of dispatch.results) {
    emit({
      type: "hook",
      taskId,
      hook: result.hook,
      event: result.event,
      verdict: result.verdict.kind,
      ...(result.verdict.kind === "ok" ? {} : { reason: result.verdict.reason }),
      exitCode: result.exitCode,
      durationMs: result.durationMs,
    });
  }
}

/**
 * The pre-task hooks: one that blocks stops the task (EngineError `hook-blocked`, its reason the message);
 * what hooks that ask the agent answered comes back as context for the task.
 */
export async function runPreTaskHooks(
  hooks: HookContext | undefined,
  scope: { readonly spec: string; readonly task: Task; readonly emit: (event: RunEvent) => void },
): Promise<string> {
  if (hooks === undefined) return "";
  const taskId = scope.task.id ?? "";
  const dispatch = await dispatchHooks(hooks, {
    event: "pre-task",
    spec: scope.spec,
    taskId,
    taskTitle: scope.task.title,
  });
  emitHookRuns(scope.emit, taskId, dispatch);
  if (dispatch.blocked !== undefined) {
    throw new EngineError({
      code: "hook-blocked",
      message: `The pre-task hook "${dispatch.blocked.hook}" blocked task ${taskId}: ${dispatch.blocked.reason}`,
      fix: 'Do what the hook asks, or disable it (`"enabled": false` in its file), then run the task again.',
    });
  }
  const answers = dispatch.results.filter((result) => result.action === "agent" && result.output.trim() !== "");
  if (answers.length === 0) return "";
  return `\n\n## From the pre-task hooks\n\n${answers.map((result) => `### ${result.hook}\n\n${result.output.trim()}`).join("\n\n")}`;
}

/** The post-task hooks, after verification, with the outcome; they report but change nothing. */
export async function runPostTaskHooks(
  hooks: HookContext | undefined,
  scope: { readonly spec: string; readonly task: Task; readonly emit: (event: RunEvent) => void },
  outcome: TaskOutcome,
): Promise<void> {
  if (hooks === undefined) return;
  const taskId = scope.task.id ?? "";
  try {
    const dispatch = await dispatchHooks(hooks, {
      event: "post-task",
      spec: scope.spec,
      taskId,
      taskTitle: scope.task.title,
      outcome: {
        status: outcome.status,
        verification: outcome.verification
          ? {
              command: outcome.verification.command,
              passed: outcome.verification.passed,
              exitCode: outcome.verification.exitCode,
            }
          : null,
        files: outcome.files.map((file) => file.path),
        error: outcome.error ?? null,
        steps: outcome.steps,
      },
    });
    emitHookRuns(scope.emit, taskId, dispatch);
  } catch (error) {
    scope.emit({
      type: "warning",
      message: `A post-task hook could not run: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

/**
 * session-start (once, when a task's agent session opens: each task is a fresh session), prompt-submit (the
 * prompt about to go to the agent) and agent-stop (its final answer) around each turn of the agent loop;
 * they report and block nothing.
 */
export async function runAgentLoopHooks(
  hooks: HookContext | undefined,
  scope: { readonly spec: string; readonly task: Task; readonly emit: (event: RunEvent) => void },
  event: "session-start" | "prompt-submit" | "agent-stop",
  prompt: string,
): Promise<void> {
  if (hooks === undefined) return;
  const taskId = scope.task.id ?? "";
  const dispatch = await dispatchHooks(hooks, { event, spec: scope.spec, taskId, taskTitle: scope.task.title, prompt });
  emitHookRuns(scope.emit, taskId, dispatch);
}

/** The text of the message about to go to the agent (a user turn's string content). */
export function promptText(message: { readonly content: unknown } | undefined): string {
  return typeof message?.content === "string" ? message.content : "";
}
