import type { EditRefusal } from "../edit/edit-result.js";
import { nearbyIds } from "../text/nearby-ids.js";
import type { Task, TasksDocument } from "./task-types.js";
import { flattenTasks } from "./walk-tasks.js";

/** Finds a task by id, or explains that it does not exist and names the closest ids. */
export function resolveTask(document: TasksDocument, id: string): Task | EditRefusal {
  const wanted = id.trim().replace(/\.$/, "");
  const all = flattenTasks(document.tasks);
  const matches = all.filter((task) => task.id === wanted);
  const [first] = matches;
  if (first && matches.length === 1) return first;
  if (first) {
    return {
      code: "ambiguous-task",
      message: `Task ${wanted} appears ${matches.length} times (lines ${matches.map((task) => task.location.line).join(", ")}).`,
      fix: "Renumber the duplicate tasks in tasks.md so each id is unique.",
    };
  }
  const ids = all.flatMap((task) => (task.id === undefined ? [] : [task.id]));
  const candidates = nearbyIds(wanted, ids);
  return {
    code: "unknown-task",
    message: `There is no task ${wanted}.${candidates.length > 0 ? ` Did you mean ${candidates.join(", ")}?` : ""}`,
    fix:
      ids.length > 0
        ? `Use one of the task ids in tasks.md (${summarize(ids)}).`
        : "This tasks.md has no numbered tasks.",
    candidates,
  };
}

function summarize(ids: readonly string[]): string {
  return ids.length <= 8 ? ids.join(", ") : `${ids.slice(0, 8).join(", ")}, …`;
}

export function isRefusal(value: Task | EditRefusal): value is EditRefusal {
  return "code" in value;
}
