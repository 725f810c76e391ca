import { designChunks } from "../design/design-mentions.js";
import type { DesignDocument } from "../design/parse-design.js";
import type { TasksDocument } from "../tasks/task-types.js";
import { flattenTasks } from "../tasks/walk-tasks.js";
import { normalizeText } from "./text-similarity.js";

/** Parts of a document (design sections by heading path, tasks by id) added, removed or changed. */
export interface DocumentChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

function diffKeyed(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): DocumentChanges {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [key, text] of after) {
    const old = before.get(key);
    if (old === undefined) added.push(key);
    else if (normalizeText(old) !== normalizeText(text)) changed.push(key);
  }
  return { added, removed: [...before.keys()].filter((key) => !after.has(key)), changed };
}

/** Sections keyed by their heading path, compared on their text (whitespace aside). */
export function diffDesignSections(approved: DesignDocument, current: DesignDocument): DocumentChanges {
  const keyed = (document: DesignDocument) =>
    new Map(designChunks(document.source).map((chunk) => [chunk.heading, chunk.text]));
  return diffKeyed(keyed(approved), keyed(current));
}

/** Tasks keyed by id, compared on their title and details; a status change alone is not a change of plan. */
export function diffTaskList(approved: TasksDocument, current: TasksDocument): DocumentChanges {
  const keyed = (document: TasksDocument) =>
    new Map(
      flattenTasks(document.tasks)
        .filter((task) => task.id !== undefined)
        .map((task) => [task.id ?? "", [task.title, ...task.details.map((detail) => detail.text)].join("\n")]),
    );
  return diffKeyed(keyed(approved), keyed(current));
}
