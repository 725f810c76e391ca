import { describe, expect, it } from "vitest";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";
import { flattenTasks } from "../../../src/model/tasks/walk-tasks.js";

const TASKS = "- [ ] 1. First\n  - [x] 1.1 Nested\n  - [ ] 1.2 Also nested\n- [ ] 2. Second\n";

describe("flattenTasks", () => {
  it("gives every task in document order, the same on every call", () => {
    const { tasks } = parseTasks(TASKS);

    expect(flattenTasks(tasks).map((task) => task.id)).toEqual(["1", "1.1", "1.2", "2"]);
    expect(flattenTasks(tasks).map((task) => task.id)).toEqual(["1", "1.1", "1.2", "2"]);
    expect(flattenTasks(tasks[0]?.children ?? []).map((task) => task.id)).toEqual(["1.1", "1.2"]);
  });

  it("gives each caller its own array: changing one leaves the next call alone", () => {
    const { tasks } = parseTasks(TASKS);
    const first = flattenTasks(tasks);
    first.reverse();
    first.pop();

    expect(flattenTasks(tasks).map((task) => task.id)).toEqual(["1", "1.1", "1.2", "2"]);
    expect(flattenTasks(tasks)).not.toBe(flattenTasks(tasks));
  });
});
