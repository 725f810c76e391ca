import type { ChangeTotals, FileChange } from "../checkpoints/checkpoint-types.js";
import { taskChanges, taskDiff } from "../checkpoints/task-changes.js";

export interface TaskFileDiff extends FileChange {
  /** This file's part of the unified diff (`diff --git` header included); empty for a binary file. */
  readonly diff: string;
}

export interface TaskFileDiffs {
  readonly spec: string;
  readonly taskId: string;
  /** False while the task has no after checkpoint: compared with the working tree then. */
  readonly after: boolean;
  readonly totals: ChangeTotals;
  readonly files: readonly TaskFileDiff[];
}

/** What `specwright diff --task` shows, file by file: the task's changes between its checkpoints. */
export async function taskFileDiffs(options: {
  readonly root: string;
  readonly spec: string;
  readonly taskId: string;
}): Promise<TaskFileDiffs> {
  const changes = await taskChanges(options);
  const paths = changes.files.map((file) => file.path);
  const patch = paths.length === 0 ? "" : await taskDiff({ ...options, paths });
  const parts = splitPatch(patch);
  return {
    spec: changes.spec,
    taskId: changes.taskId,
    after: changes.after !== undefined,
    totals: changes.totals,
    files: changes.files.map((file) => ({ ...file, diff: parts.get(file.path) ?? "" })),
  };
}

/** A git patch cut at each `diff --git a/<path> b/<path>` header, by path. */
export function splitPatch(patch: string): Map<string, string> {
  const parts = new Map<string, string>();
  const headers = [...patch.matchAll(/^diff --git a\/(.*) b\/(.*)$/gm)];
  for (const [index, header] of headers.entries()) {
    const start = header.index ?? 0;
    const end = headers[index + 1]?.index ?? patch.length;
    parts.set(header[2] ?? "", patch.slice(start, end));
  }
  return parts;
}
