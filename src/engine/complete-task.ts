import { isRefusal, resolveTask } from "../model/tasks/resolve-task.js";
import type { TaskStatus } from "../model/tasks/task-types.js";
import { EngineError } from "./engine-error.js";
import { loadSpec } from "./load-spec.js";
import { noTasksError } from "./locate-spec-tasks.js";
import { loadRunSettings } from "./runner/load-run-settings.js";
import { updateTask } from "./update-task.js";
import { runVerification, type VerificationResult } from "./verify/run-verification.js";
import type { WorkspaceOptions } from "./workspace-context.js";

export interface CompleteTaskOptions extends WorkspaceOptions {
  readonly spec: string;
  readonly taskId: string;
  /** The verification command; default `verify.command` of the settings, else the one the project names. */
  readonly command?: string;
  readonly timeoutMs?: number;
  /** Stops the verification (the task stays as it was), e.g. when the client cancels the request. */
  readonly signal?: AbortSignal;
}

export interface CompletedTask {
  readonly root: string;
  readonly spec: string;
  readonly taskId: string;
  /** Whether the verification passed; the task is marked done only then. */
  readonly passed: boolean;
  /** The task's status after the call: `done` when the verification passed, unchanged otherwise. */
  readonly status: TaskStatus;
  /** True when tasks.md was written (the task was not done before). */
  readonly changed: boolean;
  readonly verification: VerificationResult;
}

/**
 * Verified completion: runs the project's verification and marks the task done (`[x]`, locked and atomic)
 * only when it passes; the output comes back either way. The engine decides, not the agent that asks.
 */
export async function completeTask(options: CompleteTaskOptions): Promise<CompletedTask> {
  const loaded = await loadSpec(options);
  const tasks = loaded.model.tasks?.document;
  if (!tasks) throw noTasksError(loaded.summary.name);
  // An unknown id is refused before the tests run, not after minutes of them.
  const task = resolveTask(tasks, options.taskId);
  if (isRefusal(task)) throw new EngineError({ ...task, kind: "refused" });
  const root = loaded.root;
  const verification = await runVerification({
    root,
    // The settings give the time-out and the environment variables the tests may see.
    settings: await loadRunSettings(root),
    ...(options.command === undefined ? {} : { command: options.command }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const base = { root, spec: loaded.summary.name, taskId: task.id ?? options.taskId, verification };
  if (!verification.passed) return { ...base, passed: false, status: task.status, changed: false };
  const update = await updateTask({
    cwd: root,
    root,
    spec: loaded.summary.name,
    id: options.taskId,
    change: { status: "done" },
  });
  return { ...base, passed: true, status: update.after.status, changed: update.changed };
}
