import { parseTasks } from "../../model/tasks/parse-tasks.js";
import type { TasksDocument } from "../../model/tasks/task-types.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { EngineError } from "../errors/engine-error.js";
import { interruptedTasks, parentsCompletedBy } from "./plan-run.js";
import type { RunEvent } from "./run-events.js";
import type { InterruptedChoice, InterruptedTask } from "./run-spec-tasks.js";

/** What the run needs to know about interrupted tasks: the choice given, or a way to ask for one. */
export interface InterruptedPolicy {
  readonly interrupted?: InterruptedChoice;
  readonly decideInterrupted?: (tasks: readonly InterruptedTask[]) => Promise<InterruptedChoice>;
}

export async function settleInterrupted(
  document: TasksDocument,
  options: InterruptedPolicy,
  setStatus: (id: string, status: "todo") => Promise<unknown>,
): Promise<{ resumed: string[]; reset: string[] }> {
  const interrupted = interruptedTasks(document).map(
    (task): InterruptedTask => ({
      id: task.id ?? "",
      title: task.title,
      status: task.status === "queued" ? "queued" : "in-progress",
    }),
  );
  if (interrupted.length === 0) return { resumed: [], reset: [] };
  const choice = options.interrupted ?? (await options.decideInterrupted?.(interrupted));
  if (choice === undefined) {
    const list = interrupted.map((task) => `${task.id} (${task.status === "queued" ? "[~]" : "[-]"})`).join(", ");
    throw new EngineError({
      code: "interrupted-run",
      message: `A run of this spec did not finish: tasks ${list} are still marked as started or queued.`,
      fix: "Run again with --resume to go on with them, or --reset to put them back to [ ] first.",
    });
  }
  if (choice === "reset") {
    for (const task of interrupted) await setStatus(task.id, "todo");
    return { resumed: [], reset: interrupted.map((task) => task.id) };
  }
  return { resumed: interrupted.map((task) => task.id), reset: [] };
}

export async function completeParents(
  tasksFile: string,
  taskId: string,
  setStatus: (id: string, status: "done") => Promise<unknown>,
  emit: (event: RunEvent) => void,
): Promise<void> {
  const document = parseTasks(await readTextFile(tasksFile));
  for (const parent of parentsCompletedBy(document, taskId)) {
    if (parent.id === undefined) continue;
    await setStatus(parent.id, "done");
    emit({ type: "parent-done", taskId: parent.id });
  }
}

export async function releasePending(
  pending: Set<string>,
  setStatus: (id: string, status: "todo") => Promise<unknown>,
): Promise<void> {
  for (const id of [...pending]) {
    await setStatus(id, "todo");
    pending.delete(id);
  }
}
