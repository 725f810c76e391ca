import fc from "fast-check";
import { describe, expect, it } from "vitest";
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
import { editedText } from "../../helpers/edited-text.js";

const PLAN = [
  "# Implementation Plan",
  "",
  "- [ ] 1. Set up",
  "  - Create folders",
  "  - _Requirements: 1.1, 1.2_",
  "- [ ] 2. Models",
  "  - [ ] 2.1 Create module",
  "  - [ ]* 2.2 Unit tests",
  "",
  "## Notes",
  "",
].join("\n");

describe("setTaskStatus", () => {
  it("changes only the marker character", () => {
    const next = editedText(setTaskStatus(PLAN, "2.1", "done"));
    expect(next).toBe(PLAN.replace("  - [ ] 2.1", "  - [x] 2.1"));
    expect(editedText(setTaskStatus(next, "2.1", "in-progress"))).toBe(PLAN.replace("  - [ ] 2.1", "  - [-] 2.1"));
    expect(editedText(setTaskStatus(PLAN, "1", "queued"))).toBe(PLAN.replace("- [ ] 1.", "- [~] 1."));
  });

  it("leaves an uppercase X alone when the task is already done", () => {
    const text = "- [X] 1. Done\n";
    const result = setTaskStatus(text, "1", "done");
    expect(result).toMatchObject({ ok: true, changed: false, text });
  });

  it("refuses an unknown id and names the closest ones", () => {
    const result = setTaskStatus(PLAN, "2.3", "done");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.code).toBe("unknown-task");
    expect(result.refusal.candidates).toContain("2.1");
    expect(result.refusal.message).toMatch(/no task 2\.3/);
  });
});

describe("setTaskOptional", () => {
  it("inserts and removes the star right after the checkbox", () => {
    const marked = editedText(setTaskOptional(PLAN, "2.1", true));
    expect(marked).toBe(PLAN.replace("  - [ ] 2.1", "  - [ ]* 2.1"));
    expect(editedText(setTaskOptional(marked, "2.1", false))).toBe(PLAN);
    expect(editedText(setTaskOptional(PLAN, "2.2", false))).toBe(PLAN.replace("[ ]* 2.2", "[ ] 2.2"));
  });
});

describe("requirement references", () => {
  it("adds to an existing list and removes from it", () => {
    const added = editedText(addTaskReference(PLAN, "1", "3.4"));
    expect(added).toBe(PLAN.replace("1.1, 1.2_", "1.1, 1.2, 3.4_"));
    expect(editedText(addTaskReference(added, "1", "3.4"))).toBe(added);
    expect(editedText(removeTaskReference(added, "1", "1.2"))).toBe(PLAN.replace("1.1, 1.2_", "1.1, 3.4_"));
  });

  it("adds a references line after the task's own details, before its sub-tasks", () => {
    const next = editedText(addTaskReference(PLAN, "2", "4.1"));
    expect(next).toBe(PLAN.replace("- [ ] 2. Models\n", "- [ ] 2. Models\n  - _Requirements: 4.1_\n"));
    const sub = editedText(addTaskReference(PLAN, "2.2", "4.2"));
    expect(sub).toBe(PLAN.replace("2.2 Unit tests\n", "2.2 Unit tests\n    - _Requirements: 4.2_\n"));
  });

  it("removes the whole line when the last reference goes", () => {
    const single = "- [ ] 1. Task\n  - _Requirements: 2.1_\n- [ ] 2. Next\n";
    expect(editedText(removeTaskReference(single, "1", "2.1"))).toBe("- [ ] 1. Task\n- [ ] 2. Next\n");
  });

  it("refuses something that is not a criterion id", () => {
    expect(addTaskReference(PLAN, "1", "all of them").ok).toBe(false);
  });
});

describe("appendTask", () => {
  it("numbers a new top-level task after the last one, in its style", () => {
    const result = appendTask(PLAN, { title: "Wire the CLI", requirements: ["2.1"] });
    expect(result.id).toBe("3");
    expect(editedText(result)).toBe(
      PLAN.replace("2.2 Unit tests\n", "2.2 Unit tests\n- [ ] 3. Wire the CLI\n  - _Requirements: 2.1_\n"),
    );
  });

  it("appends a sub-task under its parent", () => {
    const result = appendTask(PLAN, { title: "Property tests", parentId: "2", optional: true });
    expect(result.id).toBe("2.3");
    expect(editedText(result)).toBe(PLAN.replace("2.2 Unit tests\n", "2.2 Unit tests\n  - [ ]* 2.3 Property tests\n"));
  });

  it("keeps CRLF endings and a missing final newline", () => {
    const text = "- [ ] 1. One\r\n- [ ] 2. Two";
    expect(editedText(appendTask(text, { title: "Three" }))).toBe("- [ ] 1. One\r\n- [ ] 2. Two\r\n- [ ] 3. Three");
  });
});

describe("edits are surgical (property-based)", () => {
  const markerArbitrary = fc.constantFrom(" ", "x", "X", "-", "~");
  const lineEnding = fc.constantFrom("\n", "\r\n");
  const planArbitrary = fc
    .record({
      eol: lineEnding,
      tasks: fc.array(
        fc.record({
          marker: markerArbitrary,
          optional: fc.boolean(),
          title: fc.string({ minLength: 1, maxLength: 20 }).map((title) => title.replace(/[\r\n]/g, " ").trim() || "t"),
          subtasks: fc.array(fc.record({ marker: markerArbitrary, optional: fc.boolean() }), { maxLength: 3 }),
          trailingSpaces: fc.constantFrom("", " ", "\t"),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    })
    .map(({ eol, tasks }) =>
      tasks
        .map((task, index) =>
          [
            `- [${task.marker}]${task.optional ? "*" : ""} ${index + 1}. ${task.title}${task.trailingSpaces}`,
            ...task.subtasks.map(
              (sub, subIndex) => `  - [${sub.marker}]${sub.optional ? "*" : ""} ${index + 1}.${subIndex + 1} Sub`,
            ),
          ].join(eol),
        )
        .join(eol),
    );

  it("setting a status changes at most the one marker byte", () => {
    fc.assert(
      fc.property(
        planArbitrary,
        fc.constantFrom("todo", "in-progress", "queued", "done") as fc.Arbitrary<
          "todo" | "in-progress" | "queued" | "done"
        >,
        (text, status) => {
          for (const task of flattenTasks(parseTasks(text).tasks)) {
            const next = editedText(setTaskStatus(text, task.id ?? "", status));
            const region = changedRegion(text, next);
            if (region) expect(region).toEqual({ start: task.markerLocation.offset, removed: 1, added: 1 });
            expect(findTask(parseTasks(next).tasks, task.id ?? "")?.status).toBe(status);
          }
        },
      ),
    );
  });

  it("toggling optional twice restores the text", () => {
    fc.assert(
      fc.property(planArbitrary, (text) => {
        for (const task of flattenTasks(parseTasks(text).tasks)) {
          const id = task.id ?? "";
          const toggled = editedText(setTaskOptional(text, id, !task.optional));
          expect(changedRegion(text, toggled)?.removed ?? 0).toBeLessThanOrEqual(1);
          expect(findTask(parseTasks(toggled).tasks, id)?.optional).toBe(!task.optional);
          expect(editedText(setTaskOptional(toggled, id, task.optional))).toBe(text);
        }
      }),
    );
  });

  it("appending a task keeps every existing line", () => {
    fc.assert(
      fc.property(planArbitrary, (text) => {
        const result = appendTask(text, { title: "Appended" });
        const next = editedText(result);
        const region = changedRegion(text, next);
        expect(region?.removed).toBe(0);
        const tasks = flattenTasks(parseTasks(next).tasks);
        expect(tasks.at(-1)?.title).toBe("Appended");
        expect(tasks).toHaveLength(flattenTasks(parseTasks(text).tasks).length + 1);
      }),
    );
  });
});

describe("escaped optional marks", () => {
  it("reads `[ ]\\*` as optional and clears both characters", () => {
    const text = "- [ ]\\* 1. Property test\n";
    expect(parseTasks(text).tasks[0]).toMatchObject({ optional: true, title: "Property test" });
    expect(editedText(setTaskOptional(text, "1", false))).toBe("- [ ] 1. Property test\n");
  });
});
