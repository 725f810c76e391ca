import { join } from "node:path";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import { findTask } from "../../model/tasks/walk-tasks.js";
import { readTextFileSync } from "../../workspace/read-text-file.js";
import { EngineError } from "../errors/engine-error.js";
import { runVerification, type VerificationResult } from "../verify/run-verification.js";
import { loadSpecwrightSettings } from "../workspace-model/load-specwright-settings.js";
import { specImpact } from "./spec-impact.js";

export interface ReverifyOptions {
  readonly root: string;
  readonly spec: string;
  /** The tasks to re-verify; default: the done tasks `impact` flags (a criterion they implement changed). */
  readonly taskIds?: readonly string[];
  readonly signal?: AbortSignal;
}

/** A done task re-verified, and the criteria (as approved) that changed under it. */
export interface ReverifiedTask {
  readonly taskId: string;
  readonly title: string;
  readonly changedCriteria: readonly string[];
}

export interface ReverifyResult {
  readonly spec: string;
  readonly tasks: readonly ReverifiedTask[];
  /** Undefined when there was nothing to re-verify (no test run). */
  readonly verification: VerificationResult | undefined;
  readonly passed: boolean;
}

/**
 * Runs the verification of done tasks again, without a model: the project's tests, as the runner runs them
 * before checking a task off. Nothing is written; the result says whether the tasks still hold.
 */
export async function reverifyTasks(options: ReverifyOptions): Promise<ReverifyResult> {
  const impact = await specImpact({ root: options.root, spec: options.spec });
  const flagged = impact.analysis.tasks.filter((task) => task.verifiedAgainstOlder.length > 0 && task.id !== null);
  let tasks: ReverifiedTask[] = flagged.map((task) => ({
    taskId: task.id ?? "",
    title: task.title,
    changedCriteria: task.verifiedAgainstOlder,
  }));
  if (options.taskIds !== undefined && options.taskIds.length > 0) {
    const document = parseTasks(readTextFileSync(join(impact.root, ".kiro", "specs", impact.spec, "tasks.md")));
    tasks = options.taskIds.map((id) => {
      const task = findTask(document.tasks, id);
      if (task?.status !== "done") {
        throw new EngineError({
          code: task ? "task-not-done" : "unknown-task",
          kind: task ? "refused" : "usage",
          message: task
            ? `Task ${id} of "${impact.spec}" is not done: there is no verification to run again.`
            : `Spec "${impact.spec}" has no task ${id}.`,
          fix: "Pass done tasks, or run without --task for the ones `specwright impact` flags.",
        });
      }
      return {
        taskId: task.id ?? id,
        title: task.title,
        changedCriteria: flagged.find((entry) => entry.id === task.id)?.verifiedAgainstOlder ?? [],
      };
    });
  }
  if (tasks.length === 0) return { spec: impact.spec, tasks, verification: undefined, passed: true };
  const settings = await loadSpecwrightSettings(options.root, "the verification command");
  const verification = await runVerification({
    root: options.root,
    settings,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { spec: impact.spec, tasks, verification, passed: verification.passed };
}
