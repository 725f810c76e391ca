import { describe, expect, it } from "vitest";
import { countTaskMarks, countTasks } from "../../../src/engine/tasks/task-progress.js";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";
import { corpusFiles } from "../../helpers/corpus.js";

const files = corpusFiles(/(^|\/)tasks[^/]*\.md$/);

describe("countTaskMarks on the corpus", () => {
  it("counts what countTasks counts of the parsed plan, on every corpus tasks.md", () => {
    expect(files.length).toBeGreaterThan(0);
    let tasks = 0;
    for (const file of files) {
      const expected = countTasks(parseTasks(file.text).tasks);
      expect(countTaskMarks(file.text), file.path).toStrictEqual(expected);
      tasks += expected.required.total + expected.optional.total;
    }
    expect(tasks).toBeGreaterThan(100);
  });
});
