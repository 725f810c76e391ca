import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import { MAX_TASK_DEPTH, parseTasks } from "../../../src/model/tasks/parse-tasks.js";
import { flattenTasks } from "../../../src/model/tasks/walk-tasks.js";

describe("flat task numbering", () => {
  const text = [
    "# Plan",
    "",
    "- [x] 9. Storage layer",
    "- [x] 9.1 Write the schema",
    "  - _Requirements: 2.1_",
    "- [ ] 9.2 Write the migrations",
    "  - _Requirements: 2.2_",
    "- [ ] 9.2.1 Roll back on failure",
    "- [ ] 10. Export",
    "  - _Requirements: 3.1_",
    "",
  ].join("\n");
  const document = parseTasks(text);

  it("attaches 9.1 to 9 by its id, not its indentation", () => {
    const [group, next] = document.tasks;
    expect(document.tasks.map((task) => task.id)).toEqual(["9", "10"]);
    expect(group?.children.map((task) => task.id)).toEqual(["9.1", "9.2"]);
    expect(group?.children[1]?.children.map((task) => task.id)).toEqual(["9.2.1"]);
    expect(flattenTasks(document.tasks).map((task) => task.depth)).toEqual([0, 1, 1, 2, 0]);
    expect(group?.children[0]?.references[0]?.references.ids).toEqual(["2.1"]);
    expect(next?.references[0]?.references.ids).toEqual(["3.1"]);
  });

  it("spans the group's block over its sub-tasks and keeps the text byte for byte", () => {
    expect(document.tasks[0]?.blockLocation).toMatchObject({ line: 3, endLine: 8 });
    expect(serializeDocument(document)).toBe(text);
  });

  it("does not attach a same-indentation task whose id only looks alike", () => {
    const tasks = parseTasks("- [ ] 1. One\n- [ ] 11.1 Eleven one\n- [ ] 1.2.3 Too deep for 1\n").tasks;
    expect(tasks.map((task) => task.id)).toEqual(["1", "11.1", "1.2.3"]);
  });
});

describe("a reference line right under a sub-task", () => {
  it("belongs to a flat-numbered sub-task when written as a bullet at its (and the parent's) indentation", () => {
    const text = "- [ ] 2. Parent\n- [ ] 2.1 Child\n- _Requirements: 1.4_\n- [ ] 2.2 Other\n";
    const [parent] = parseTasks(text).tasks;
    expect(parent?.references).toEqual([]);
    expect(parent?.children[0]?.references[0]?.references.ids).toEqual(["1.4"]);
    expect(parent?.children.map((task) => task.id)).toEqual(["2.1", "2.2"]);
  });

  it("belongs to the parent when it follows indented sub-tasks at the parent's content indentation", () => {
    const text = "- [x] 23. Tests\n  - [ ] 23.1 One\n  - [ ] 23.2 Two\n  - _Requirements: 6.1, 6.2_\n";
    const [parent] = parseTasks(text).tasks;
    expect(parent?.references[0]?.references.ids).toEqual(["6.1", "6.2"]);
    expect(parent?.children.map((task) => task.references.length)).toEqual([0, 0]);
  });

  it("reads a checkpoint named in the plan's language", () => {
    const tasks = parseTasks(
      "- [ ] 4. 检查点 - 确保所有测试通过\n- [ ] 5. チェックポイント\n- [ ] 6. Check the points\n",
    ).tasks;
    expect(tasks.map((task) => task.checkpoint)).toEqual([true, true, false]);
  });

  it("keeps an ordinary bullet at that indentation out of the sub-task", () => {
    const [parent] = parseTasks("- [ ] 2. Parent\n  - [ ] 2.1 Child\n  - a note\n").tasks;
    expect(parent?.details.map((detail) => detail.text)).toEqual(["- a note"]);
  });
});

describe("nesting far deeper than any plan", () => {
  it("reads 3,000 indented levels (past the 2,500 that overflowed the stack) capped with a diagnostic", () => {
    const depth = 3_000;
    const text = Array.from({ length: depth }, (_, level) => `${" ".repeat(level)}- [ ] Level ${level}`).join("\n");
    const document = parseTasks(text);
    const all = flattenTasks(document.tasks);
    expect(all).toHaveLength(depth);
    expect(Math.max(...all.map((task) => task.depth))).toBe(MAX_TASK_DEPTH);
    expect(document.diagnostics.filter((diagnostic) => diagnostic.code === "tasks/too-deep")).toHaveLength(1);
    expect(serializeDocument(document)).toBe(text);
  });

  it("reads 2,000 flat-numbered levels without throwing", () => {
    const ids = Array.from({ length: 2_000 }, (_, level) => Array.from({ length: level + 1 }, () => "1").join("."));
    const text = ids.map((id) => `- [ ] ${id} Task`).join("\n");
    const all = flattenTasks(parseTasks(text).tasks);
    expect(all).toHaveLength(ids.length);
    expect(all.at(-1)?.depth).toBe(MAX_TASK_DEPTH);
  });
});

describe("a property line naming the criteria it validates", () => {
  it("reads `**属性 6：…** - 验证需求 2.5, 2.6` as a property and a validates reference", () => {
    const text =
      "- [ ]* 3.1 属性测试\n  - **属性 6：成功操作反馈** - 验证需求 2.5, 2.6\n  - **Property 7: Totals** — Validates: Requirements 1.2\n  - **Property 8: Plain**\n";
    const [task] = parseTasks(text).tasks;
    expect(task?.properties.map((property) => property.number)).toEqual(["6", "7", "8"]);
    expect(task?.references.map((line) => line.references.ids)).toEqual([["2.5", "2.6"], ["1.2"]]);
    const [first] = task?.references ?? [];
    expect(first && text.slice(first.listLocation.offset, first.listLocation.endOffset)).toBe("2.5, 2.6");
  });
});
