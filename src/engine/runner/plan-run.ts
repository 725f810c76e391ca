import { isRefusal, resolveTask } from "../../model/tasks/resolve-task.js";
import type { Task, TasksDocument } from "../../model/tasks/task-types.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { EngineError } from "../errors/engine-error.js";
import { executionOrder } from "../task-order/execution-order.js";

export interface RunSelection {
  /** Tasks asked for by id; a parent stands for its sub-tasks. */
  readonly taskIds: readonly string[];
  /** Every task not done yet. */
  readonly all: boolean;
  readonly includeOptional: boolean;
  /** Tasks an interrupted run left `[-]`/`[~]` that the user chose to resume. */
  readonly resume: readonly string[];
}

export interface SkippedTask {
  readonly taskId: string;
  readonly reason: string;
}

/** The tasks the agent works on, in order, and the ones passed over with the reason. */
export interface RunPlan {
  readonly tasks: readonly Task[];
  readonly skipped: readonly SkippedTask[];
}

/**
 * Which tasks a run works on and in which order: sub-tasks in document order, a parent never on its own
 * (it is checked off when its required sub-tasks are), checkpoints in place. Optional tasks (or tasks under
 * an optional parent) are passed over unless asked for; done tasks are never run again. Without a selection
 * the run resumes the interrupted tasks, or else takes the next task to do.
 */
export function planRun(document: TasksDocument, selection: RunSelection): RunPlan {
  const optionalIds = optionalTaskIds(document.tasks);
  const leaves = executionOrder(document.tasks, { includeOptional: true }).filter(
    (task) => task.id !== undefined && task.children.length === 0,
  );
  let wanted: Task[];
  if (selection.all) wanted = leaves;
  else if (selection.taskIds.length > 0) wanted = selection.taskIds.flatMap((id) => leavesOf(resolve(document, id)));
  else if (selection.resume.length > 0) wanted = leaves.filter((task) => selection.resume.includes(task.id ?? ""));
  else wanted = leaves.filter((task) => task.status !== "done" && isWanted(task, optionalIds, false)).slice(0, 1);

  const seen = new Set<string>();
  const tasks: Task[] = [];
  const skipped: SkippedTask[] = [];
  for (const task of wanted) {
    const id = task.id ?? "";
    if (seen.has(id)) continue;
    seen.add(id);
    if (task.status === "done") {
      if (!selection.all) skipped.push({ taskId: id, reason: "already done" });
      continue;
    }
    const explicitlyAsked = selection.taskIds.includes(id) || selection.resume.includes(id);
    if (!isWanted(task, optionalIds, selection.includeOptional || explicitlyAsked)) {
      skipped.push({ taskId: id, reason: "optional (run with --include-optional)" });
      continue;
    }
    tasks.push(task);
  }
  return { tasks, skipped };
}

function isWanted(task: Task, optionalIds: ReadonlySet<string>, includeOptional: boolean): boolean {
  return includeOptional || !optionalIds.has(task.id ?? "");
}

/** Optional tasks and every task under an optional parent. */
function optionalTaskIds(tasks: readonly Task[]): Set<string> {
  const ids = new Set<string>();
  for (const task of flattenTasks(tasks)) {
    if (!task.optional) continue;
    for (const inner of flattenTasks([task])) if (inner.id !== undefined) ids.add(inner.id);
  }
  return ids;
}

function leavesOf(task: Task): Task[] {
  return flattenTasks([task]).filter((inner) => inner.id !== undefined && inner.children.length === 0);
}

function resolve(document: TasksDocument, id: string): Task {
  const found = resolveTask(document, id);
  if (isRefusal(found)) throw new EngineError({ ...found, kind: "refused" });
  return found;
}

/**
 * The ancestors of a task that are complete now that it is done (innermost first): every required
 * sub-task is done. Read from the document as it is after the task was checked off.
 */
export function parentsCompletedBy(document: TasksDocument, taskId: string): Task[] {
  const path = ancestorsOf(document.tasks, taskId);
  const completed: Task[] = [];
  for (const parent of path.reverse()) {
    const doneIds = new Set(completed.map((task) => task.id));
    const complete = parent.children.every(
      (child) => child.optional || child.status === "done" || doneIds.has(child.id),
    );
    if (!complete) break;
    if (parent.status !== "done") completed.push(parent);
  }
  return completed;
}

/** The chain of parents from the top level down to the task's direct parent. */
function ancestorsOf(tasks: readonly Task[], taskId: string): Task[] {
  const stack: { task: Task; path: Task[] }[] = tasks.map((task) => ({ task, path: [] }));
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    if (entry.task.id === taskId) return entry.path;
    for (const child of entry.task.children) stack.push({ task: child, path: [...entry.path, entry.task] });
  }
  return [];
}

/** Tasks left `[-]` or `[~]` by a run that did not finish (killed, crashed). */
export function interruptedTasks(document: TasksDocument): Task[] {
  return flattenTasks(document.tasks).filter(
    (task) => task.id !== undefined && (task.status === "in-progress" || task.status === "queued"),
  );
}
