import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import {
  addTaskReference,
  appendTask,
  removeTaskReference,
  setTaskOptional,
  setTaskStatus,
} from "../../../src/model/tasks/edit-tasks.js";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";
import { findTask, flattenTasks } from "../../../src/model/tasks/walk-tasks.js";
import { changedRegion } from "../../helpers/changed-region.js";
import { corpusFiles } from "../../helpers/corpus.js";
import { editedText } from "../../helpers/edited-text.js";

const files = corpusFiles(/(^|\/)tasks[^/]*\.md$/);

/** Tasks whose id is unique in their file: the ones an id can address. */
function addressable(text: string) {
  const tasks = flattenTasks(parseTasks(text).tasks);
  const counts = new Map<string, number>();
  for (const task of tasks) if (task.id) counts.set(task.id, (counts.get(task.id) ?? 0) + 1);
  return tasks.filter((task) => task.id !== undefined && counts.get(task.id) === 1);
}

describe("tasks.md corpus", () => {
  it("has the files this suite expects", () => {
    expect(files.length).toBeGreaterThanOrEqual(98);
  });

  it.each(files.map((file) => [file.name, file] as const))("%s round-trips and reads tasks", (_name, file) => {
    const document = parseTasks(file.text);
    expect(serializeDocument(document)).toBe(file.text);
    const tasks = flattenTasks(document.tasks);
    const checkboxLines = file.text.split(/\r\n|\n|\r/).filter((line) => /^\s*[-*+] \[[ xX~-]\]/.test(line));
    // Checkboxes inside code fences are examples, not tasks; everything else is a task.
    expect(tasks.length).toBeLessThanOrEqual(checkboxLines.length);
    expect(tasks.length).toBeGreaterThanOrEqual(Math.min(1, checkboxLines.length));
  });

  it("every status change on every task touches exactly its marker byte", () => {
    let checked = 0;
    for (const file of files) {
      for (const task of addressable(file.text)) {
        const id = task.id ?? "";
        for (const status of ["todo", "in-progress", "queued", "done"] as const) {
          const next = editedText(setTaskStatus(file.text, id, status));
          const region = changedRegion(file.text, next);
          if (region) expect(region).toEqual({ start: task.markerLocation.offset, removed: 1, added: 1 });
          else expect(task.status).toBe(status);
          expect(findTask(parseTasks(next).tasks, id)?.status).toBe(status);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it("toggling the optional mark twice restores every file", () => {
    for (const file of files) {
      for (const task of addressable(file.text)) {
        const id = task.id ?? "";
        const toggled = editedText(setTaskOptional(file.text, id, !task.optional));
        const region = changedRegion(file.text, toggled);
        // A formatter-escaped `[ ]\*` loses both characters; it comes back as the plain `*` Kiro writes.
        const afterCheckbox = task.markerLocation.offset + 2;
        const escaped = file.text[afterCheckbox] === "\\";
        expect(region && region.added + region.removed).toBe(escaped ? 2 : 1);
        expect(findTask(parseTasks(toggled).tasks, id)?.optional).toBe(!task.optional);
        const restored = escaped ? file.text.slice(0, afterCheckbox) + file.text.slice(afterCheckbox + 1) : file.text;
        expect(editedText(setTaskOptional(toggled, id, task.optional))).toBe(restored);
      }
    }
  });

  it("adding then removing a requirement reference restores every file", () => {
    let withList = 0;
    for (const file of files) {
      for (const task of addressable(file.text)) {
        const id = task.id ?? "";
        const added = editedText(addTaskReference(file.text, id, "99.9"));
        const region = changedRegion(file.text, added);
        expect(region?.removed).toBe(0);
        const reparsed = findTask(parseTasks(added).tasks, id);
        expect(reparsed?.references.some((line) => line.references.ids.includes("99.9"))).toBe(true);
        expect(editedText(removeTaskReference(added, id, "99.9"))).toBe(file.text);
        if (task.references.some((line) => line.kind === "requirements")) withList++;
      }
    }
    expect(withList).toBeGreaterThan(1000);
  });

  it("appending a task or sub-task only inserts lines", () => {
    for (const file of files) {
      const document = parseTasks(file.text);
      const before = flattenTasks(document.tasks).length;
      const top = appendTask(file.text, { title: "Appended by test" });
      const next = editedText(top);
      expect(changedRegion(file.text, next)?.removed).toBe(0);
      expect(flattenTasks(parseTasks(next).tasks)).toHaveLength(before + 1);
      const parent = addressable(file.text).find((task) => task.depth === 0);
      if (!parent?.id) continue;
      const sub = appendTask(file.text, { title: "Sub appended by test", parentId: parent.id });
      const subText = editedText(sub);
      expect(changedRegion(file.text, subText)?.removed).toBe(0);
      expect(findTask(parseTasks(subText).tasks, sub.id ?? "")?.title).toBe("Sub appended by test");
    }
  });
});
