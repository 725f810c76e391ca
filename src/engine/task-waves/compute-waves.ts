import { taskDependencies } from "../../model/tasks/task-dependencies.js";
import type { Task, TasksDocument } from "../../model/tasks/task-types.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { EngineError } from "../errors/engine-error.js";
import type { KiroWaves, TaskWave, WaveDependencyReason, WavePlan } from "./task-waves-types.js";

type Edge = { readonly taskId: string; readonly reason: WaveDependencyReason };

/** cc-sdd's parallel marker in a task title: `- [ ] 1.2 (P) Add the table`. */
const PARALLEL_MARKER = /(^|\s)\(P\)(\s|$)/;

/**
 * Groups the tasks a run works on (`planned`, in execution order) into waves. Each task waits for:
 * - a checkpoint task before it (and a checkpoint waits for every task before it): checkpoints are barriers;
 * - with Kiro's `waves` (tasks.meta.json): every task of the earlier waves; sub-tasks of one listed task
 *   stay in order (sub-tasks listed themselves do not); a task no wave lists waits for everything before it;
 * - else its `_Depends:_`/`_After:_` tasks when it (or its parent) names some; a `(P)` task waits only for
 *   what the task before its run of `(P)` tasks waited for, plus that task; an unmarked task waits for the
 *   task before it (plain order, the safe default), and a sub-task for the sub-task before it.
 * Done and unplanned tasks count as finished. Pure: the plan and the meta file's content in, waves out.
 */
export function computeWaves(document: TasksDocument, planned: readonly Task[], kiro: KiroWaves | undefined): WavePlan {
  const ids = planned.map((task) => task.id ?? "");
  const plannedSet = new Set(ids);
  const parents = parentMap(document.tasks);
  const useKiro = kiro?.waves !== undefined && kiro.waves.length > 0;
  const edges = new Map<string, Edge[]>(ids.map((id) => [id, []]));
  const add = (from: string, to: string, reason: WaveDependencyReason) => {
    if (from === to || !plannedSet.has(to)) return;
    const list = edges.get(from);
    if (list && !list.some((edge) => edge.taskId === to)) list.push({ taskId: to, reason });
  };
  let markers = false;
  let lastCheckpoint: string | undefined;
  const kiroWave = useKiro ? kiroWaveIndex(document, kiro?.waves ?? []) : new Map<string, number>();
  const listed = new Set((kiro?.waves ?? []).flat().map(String));
  for (const [index, task] of planned.entries()) {
    const id = ids[index] ?? "";
    const previous = index > 0 ? ids[index - 1] : undefined;
    if (task.checkpoint) {
      for (const earlier of ids.slice(0, index)) add(id, earlier, "checkpoint");
      lastCheckpoint = id;
      continue;
    }
    if (lastCheckpoint !== undefined) add(id, lastCheckpoint, "checkpoint");
    if (useKiro) {
      const wave = kiroWave.get(id);
      for (const earlier of ids.slice(0, index)) {
        const earlierWave = kiroWave.get(earlier);
        if (wave === undefined || earlierWave === undefined || earlierWave < wave) add(id, earlier, "kiro-waves");
        // Sub-tasks of one listed task keep their order; sub-tasks listed themselves may run together.
        else if (earlierWave === wave && siblings(earlier, id, parents) && !(listed.has(earlier) && listed.has(id))) {
          add(id, earlier, "sub-task");
        }
      }
      continue;
    }
    const named = namedDependencies(task, parents);
    if (named.length > 0) {
      markers = true;
      for (const { ref, reason } of named) for (const target of leavesOf(document, ref)) add(id, target, reason);
      // A sub-task keeps its place after the sub-task before it unless it names its own dependencies.
      if (ownDependencies(task).length === 0 && previous !== undefined && siblings(previous, id, parents)) {
        add(id, previous, "sub-task");
      }
      continue;
    }
    if (isParallel(task)) {
      markers = true;
      // Consecutive (P) tasks share what the first one waits for.
      let first = index;
      while (first > 0 && isParallel(planned[first - 1] as Task)) first--;
      const anchor = first > 0 ? ids[first - 1] : undefined;
      if (anchor !== undefined) {
        add(id, anchor, "order");
        for (const edge of edges.get(anchor) ?? []) add(id, edge.taskId, edge.reason);
      }
      continue;
    }
    if (previous !== undefined) add(id, previous, siblings(previous, id, parents) ? "sub-task" : "order");
  }
  const waves = levels(ids, edges, planned);
  const dependencies: Record<string, Edge[]> = {};
  for (const [id, list] of edges) dependencies[id] = list;
  return { waves, dependencies, source: useKiro ? "kiro-waves" : markers ? "markers" : "order" };
}

/** Longest path from the start: a task runs in the wave after the last of those it waits for. */
function levels(
  ids: readonly string[],
  edges: ReadonlyMap<string, readonly Edge[]>,
  planned: readonly Task[],
): TaskWave[] {
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string, path: readonly string[]): number => {
    const known = level.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) {
      throw new EngineError({
        code: "dependency-cycle",
        kind: "refused",
        message: `The tasks' dependencies go round in a circle: ${[...path, id].join(" → ")}.`,
        fix: "Remove one of the _Depends:_/_After:_ references so that no task waits for itself.",
      });
    }
    visiting.add(id);
    let value = 0;
    for (const edge of edges.get(id) ?? []) value = Math.max(value, visit(edge.taskId, [...path, id]) + 1);
    visiting.delete(id);
    level.set(id, value);
    return value;
  };
  for (const id of ids) visit(id, []);
  const checkpoints = new Set(planned.filter((task) => task.checkpoint).map((task) => task.id ?? ""));
  const grouped: string[][] = [];
  for (const id of ids) {
    const index = level.get(id) ?? 0;
    while (grouped.length <= index) grouped.push([]);
    grouped[index]?.push(id);
  }
  return grouped
    .filter((taskIds) => taskIds.length > 0)
    .map((taskIds, index) => ({
      index: index + 1,
      taskIds,
      barrier: taskIds.some((id) => checkpoints.has(id)),
    }));
}

function namedDependencies(
  task: Task,
  parents: ReadonlyMap<string, Task>,
): { ref: string; reason: WaveDependencyReason }[] {
  const own = ownDependencies(task);
  const parent = parents.get(task.id ?? "");
  // A parent's dependencies hold for its first sub-task (the others follow it in order), and for a sub-task
  // that names its own and so leaves that order.
  if (own.length > 0) return parent === undefined ? own : [...own, ...namedDependencies(parent, parents)];
  if (parent === undefined || parent.children[0]?.id !== task.id) return [];
  return namedDependencies(parent, parents);
}

function ownDependencies(task: Task): { ref: string; reason: WaveDependencyReason }[] {
  return taskDependencies(task).map(({ ref, kind }) => ({ ref, reason: kind }));
}

function isParallel(task: Task): boolean {
  return PARALLEL_MARKER.test(task.title);
}

function leavesOf(document: TasksDocument, id: string): string[] {
  const task = flattenTasks(document.tasks).find((candidate) => candidate.id === id);
  if (task === undefined) {
    throw new EngineError({
      code: "unknown-dependency",
      kind: "refused",
      message: `A task depends on task ${id}, which tasks.md does not have.`,
      fix: `Correct the _Depends:_/_After:_ reference to ${id}, or add that task.`,
    });
  }
  return flattenTasks([task])
    .filter((inner) => inner.id !== undefined && inner.children.length === 0)
    .map((inner) => inner.id ?? "");
}

function parentMap(tasks: readonly Task[]): Map<string, Task> {
  const map = new Map<string, Task>();
  for (const task of flattenTasks(tasks)) for (const child of task.children) if (child.id) map.set(child.id, task);
  return map;
}

function siblings(a: string, b: string, parents: ReadonlyMap<string, Task>): boolean {
  const parent = parents.get(a);
  return parent !== undefined && parent === parents.get(b);
}

/** The wave each leaf task is in: its own listing, else the listing of its nearest listed ancestor. */
function kiroWaveIndex(document: TasksDocument, waves: readonly (readonly string[])[]): Map<string, number> {
  const listed = new Map<string, number>();
  for (const [index, wave] of waves.entries()) for (const id of wave) listed.set(String(id), index);
  const result = new Map<string, number>();
  const walk = (tasks: readonly Task[], inherited: number | undefined) => {
    for (const task of tasks) {
      const own = task.id === undefined ? undefined : listed.get(task.id);
      const wave = own ?? inherited;
      if (task.id !== undefined && wave !== undefined) result.set(task.id, wave);
      walk(task.children, wave);
    }
  };
  walk(document.tasks, undefined);
  return result;
}
