import { jsonPathLocation } from "../../model/json/json-path-location.js";
import type { StoredWaves } from "../../model/settings/tasks-meta-waves.js";
import { taskDependencies } from "../../model/tasks/task-dependencies.js";
import type { Task } from "../../model/tasks/task-types.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { defineRule, type Finding } from "../rule.js";
import type { SpecModel } from "../workspace-model.js";

/**
 * The `waves` in tasks.meta.json no longer fit tasks.md: `run --parallel` (and Kiro) would follow them
 * anyway, so a task removed, a task added, or a dependency the waves break is worth a warning.
 */
export const staleWaves = defineRule({
  id: "structure/stale-waves",
  family: "structure",
  severity: "warning",
  summary:
    "The `waves` in tasks.meta.json do not fit tasks.md: a task that no longer exists, a task in no wave, or a wave order that breaks a `_Depends:_`/`_After:_` or a checkpoint.",
  fix: "Run `specwright plan <spec> --waves` to write the waves from tasks.md again (no model involved).",
  *check(workspace) {
    for (const spec of workspace.specs) {
      const waves = spec.tasksMeta?.document.waves;
      if (spec.tasks === undefined || spec.tasksMeta === undefined || waves === undefined) continue;
      yield* staleWaveFindings(spec, waves);
    }
  },
});

function* staleWaveFindings(spec: SpecModel, waves: StoredWaves): Iterable<Finding> {
  const meta = spec.tasksMeta;
  const tasksDocument = spec.tasks?.document;
  if (meta === undefined || tasksDocument === undefined) return;
  const fix = `Run \`specwright plan ${spec.name} --waves\` to write the waves from tasks.md again.`;
  const at = (path: (string | number)[]) => jsonPathLocation(meta.document, path);
  const all = flattenTasks(tasksDocument.tasks);
  const byId = new Map(all.flatMap((task) => (task.id === undefined ? [] : [[task.id, task] as const])));
  const listed = new Map<string, number>();
  const objectForm = (index: number) => {
    const raw = meta.document.meta?.waves?.[index];
    return raw !== undefined && !Array.isArray(raw);
  };
  for (const [index, wave] of waves.entries()) {
    for (const [position, id] of wave.entries()) {
      if (!listed.has(id)) listed.set(id, index);
      if (byId.has(id)) continue;
      yield {
        file: meta.path,
        location: at(objectForm(index) ? ["waves", index, "tasks", position] : ["waves", index, position]),
        message: `Wave ${index + 1} lists task ${id}, which tasks.md does not have.`,
        fix,
      };
    }
  }
  const waveOf = new Map<string, number>();
  const leaves: Task[] = [];
  const walk = (tasks: readonly Task[], inherited: number | undefined) => {
    for (const task of tasks) {
      const wave = (task.id === undefined ? undefined : listed.get(task.id)) ?? inherited;
      if (task.id !== undefined && wave !== undefined) waveOf.set(task.id, wave);
      if (task.id !== undefined && task.children.length === 0) leaves.push(task);
      walk(task.children, wave);
    }
  };
  walk(tasksDocument.tasks, undefined);
  const wavesKey = at(["waves"]);
  const missing = leaves.filter((task) => !waveOf.has(task.id ?? ""));
  if (missing.length > 0) {
    const ids = missing.map((task) => task.id ?? "");
    yield {
      file: meta.path,
      location: wavesKey,
      message: `No wave lists task${ids.length === 1 ? "" : "s"} ${ids.join(", ")}: the waves are older than tasks.md.`,
      fix,
    };
  }
  const leavesOf = (task: Task): Task[] =>
    task.children.length === 0 ? [task] : task.children.flatMap((child) => leavesOf(child));
  const ancestors = parentsOf(tasksDocument.tasks);
  for (const task of leaves) {
    const wave = waveOf.get(task.id ?? "");
    if (wave === undefined) continue;
    // A parent's dependencies hold for each of its sub-tasks.
    for (const holder of [task, ...(ancestors.get(task) ?? [])]) {
      for (const { ref, kind } of taskDependencies(holder)) {
        const target = byId.get(ref);
        if (target === undefined) continue;
        const late = leavesOf(target).find((leaf) => (waveOf.get(leaf.id ?? "") ?? -1) >= wave);
        if (late === undefined) continue;
        yield {
          file: meta.path,
          location: wavesKey,
          message: `Task ${task.id} waits for task ${ref} (\`_${kind === "depends" ? "Depends" : "After"}: ${ref}_\`), but the waves put it in wave ${wave + 1}, not after task ${late.id} (wave ${(waveOf.get(late.id ?? "") ?? 0) + 1}).`,
          fix,
        };
      }
    }
  }
  for (const [index, checkpoint] of leaves.entries()) {
    const wave = waveOf.get(checkpoint.id ?? "");
    if (!checkpoint.checkpoint || wave === undefined) continue;
    const before = leaves.slice(0, index).find((task) => (waveOf.get(task.id ?? "") ?? -1) >= wave);
    const after = leaves.slice(index + 1).find((task) => (waveOf.get(task.id ?? "") ?? Infinity) <= wave);
    const offender = before ?? after;
    if (offender === undefined) continue;
    yield {
      file: meta.path,
      location: wavesKey,
      message: `Checkpoint task ${checkpoint.id} is a barrier, but the waves run task ${offender.id} ${before ? "not before" : "not after"} it.`,
      fix,
    };
  }
}

/** Each task's ancestors, nearest first. */
function parentsOf(tasks: readonly Task[]): Map<Task, Task[]> {
  const result = new Map<Task, Task[]>();
  const walk = (list: readonly Task[], chain: Task[]) => {
    for (const task of list) {
      result.set(task, chain);
      walk(task.children, [task, ...chain]);
    }
  };
  walk(tasks, []);
  return result;
}
