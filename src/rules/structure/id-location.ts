import type { SourceLocation } from "../../model/source/source-location.js";
import { lineLocation, type SourceText } from "../../model/source/source-text.js";
import type { Task } from "../../model/tasks/task-types.js";

/** The task's id as written on its line (`2.1.`), or the whole line when it cannot be found. */
export function taskIdLocation(source: SourceText, task: Task): SourceLocation {
  const line = source.lines[task.lineIndex];
  if (!line || task.rawId === undefined) return task.location;
  const index = line.text.indexOf(task.rawId, task.markerLocation.column);
  return index === -1 ? task.location : lineLocation(line, index, index + task.rawId.length);
}
