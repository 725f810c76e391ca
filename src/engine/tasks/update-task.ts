import type { EditResult } from "../../model/edit/edit-result.js";
import { setTaskOptional, setTaskStatus } from "../../model/tasks/edit-tasks.js";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import type { Task, TaskStatus } from "../../model/tasks/task-types.js";
import { findTask } from "../../model/tasks/walk-tasks.js";
import { editTextFile } from "../../workspace/edit-file.js";
import { EngineError } from "../errors/engine-error.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";
import { locateSpecTasks } from "./locate-spec-tasks.js";

export interface TaskChange {
  readonly status?: TaskStatus;
  readonly optional?: boolean;
}

export interface TaskUpdate {
  readonly root: string;
  readonly spec: string;
  readonly file: string;
  /** The file really edited when `file` is a symlink (to a file inside the workspace). */
  readonly linkedTo?: string;
  readonly id: string;
  readonly changed: boolean;
  readonly before: { readonly status: TaskStatus; readonly optional: boolean };
  readonly after: { readonly status: TaskStatus; readonly optional: boolean };
}

/**
 * Changes one task's status and/or optional mark under the file lock, on the file's fresh content, so a
 * concurrent writer's change is never lost; nothing is written when the task already is as asked.
 */
export async function updateTask(
  options: WorkspaceOptions & { readonly spec: string; readonly id: string; readonly change: TaskChange },
): Promise<TaskUpdate> {
  if (options.change.status === undefined && options.change.optional === undefined) {
    throw new EngineError({
      code: "nothing-to-change",
      kind: "usage",
      message: "Say what to change.",
      fix: "Pass --status todo|in-progress|queued|done and/or --optional on|off.",
    });
  }
  const root = await resolveWorkspaceRoot(options);
  const { folder, file } = await locateSpecTasks(root, options.spec);
  let before: Task | undefined;
  const result = await editTextFile(file, (current) => {
    before = findTask(parseTasks(current).tasks, options.id);
    let text = current;
    if (options.change.status !== undefined) text = unwrap(setTaskStatus(text, options.id, options.change.status));
    if (options.change.optional !== undefined)
      text = unwrap(setTaskOptional(text, options.id, options.change.optional));
    return text === current ? undefined : text;
  });
  const after = findTask(parseTasks(result.after).tasks, options.id);
  if (!before || !after) throw new Error(`Task ${options.id} vanished during the edit.`);
  return {
    root,
    spec: folder.name,
    file,
    ...(result.viaSymlink ? { linkedTo: result.path } : {}),
    id: after.id ?? options.id,
    changed: result.changed,
    before: { status: before.status, optional: before.optional },
    after: { status: after.status, optional: after.optional },
  };
}

function unwrap(result: EditResult): string {
  if (result.ok) return result.text;
  throw new EngineError({ ...result.refusal, kind: "refused" });
}
