import type { Task } from "../../model/tasks/task-types.js";
import { editOrCreateTextFile } from "../../workspace/run-log/index.js";
import { addExecutionHistoryEntry, executionHistoryKey, type PbtResult } from "./execution-history.js";
import type { RunEvent } from "./run-events.js";
import type { TaskOutcome } from "./run-summary.js";

/** Adds the task's run to `tasks.meta.json` (locked, atomic); a file Kiro could not read either is left alone, with a warning. */
export async function recordTaskRun(
  metaFile: string,
  task: Task,
  outcome: TaskOutcome,
  runId: string,
  emit: (event: RunEvent) => void,
): Promise<void> {
  let problem: string | undefined;
  await editOrCreateTextFile(metaFile, (current) => {
    const edit = addExecutionHistoryEntry(
      current,
      executionHistoryKey(task),
      {
        runId,
        startedAt: outcome.startedAt,
        finishedAt: outcome.finishedAt,
        status: outcome.status === "done" ? "success" : "failure",
        verification: outcome.verification
          ? { command: outcome.verification.command, passed: outcome.verification.passed }
          : undefined,
        inputTokens: outcome.usage.inputTokens,
        outputTokens: outcome.usage.outputTokens,
        source: "specwright",
      },
      pbtResultOf(task, outcome, runId),
    );
    if (edit.ok) return edit.text;
    problem = edit.reason;
    return undefined;
  });
  if (problem !== undefined) {
    emit({ type: "warning", message: `Task ${outcome.taskId}'s run was not added to tasks.meta.json: ${problem}.` });
  }
}

/** Only a task that names correctness properties (`**Property N: …**`) is a property-test task. */
function pbtResultOf(task: Task, outcome: TaskOutcome, runId: string): PbtResult | undefined {
  if (task.properties.length === 0 || outcome.verification === undefined) return undefined;
  return {
    status: outcome.verification.passed ? "passed" : "failed",
    properties: task.properties.map((property) => `Property ${property.number}: ${property.title}`),
    runId,
    finishedAt: outcome.finishedAt,
    source: "specwright",
  };
}
