import { describe, expect, it } from "vitest";
import { interruptedTasks, parentsCompletedBy, planRun } from "../../../src/engine/runner/plan-run.js";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";

const PLAN = parseTasks(`# Implementation Plan

- [ ] 1. Parent
  - [x] 1.1 Done already
  - [ ] 1.2 Second
  - [ ]* 1.3 Optional child
- [ ]* 2. Optional parent
  - [ ] 2.1 Under an optional parent
- [ ] 3. Checkpoint - make sure all tests pass
- [ ] 4. Last
`);

const ids = (tasks: readonly { id: string | undefined }[]) => tasks.map((task) => task.id);
const none = { taskIds: [], all: false, includeOptional: false, resume: [] };

describe("planRun", () => {
  it("--all: every leaf not done, in order, without optional tasks or tasks under an optional parent", () => {
    const plan = planRun(PLAN, { ...none, all: true });
    expect(ids(plan.tasks)).toEqual(["1.2", "3", "4"]);
    expect(plan.skipped.map((skipped) => skipped.taskId)).toEqual(["1.3", "2.1"]);
  });

  it("--include-optional takes them too", () => {
    expect(ids(planRun(PLAN, { ...none, all: true, includeOptional: true }).tasks)).toEqual([
      "1.2",
      "1.3",
      "2.1",
      "3",
      "4",
    ]);
  });

  it("a named parent stands for its sub-tasks; a named optional task runs; a done one is reported", () => {
    const plan = planRun(PLAN, { ...none, taskIds: ["1", "2.1"] });
    expect(ids(plan.tasks)).toEqual(["1.2", "2.1"]);
    expect(plan.skipped).toEqual([
      { taskId: "1.1", reason: "already done" },
      { taskId: "1.3", reason: "optional (run with --include-optional)" },
    ]);
  });

  it("without a selection: the next task to do", () => {
    expect(ids(planRun(PLAN, none).tasks)).toEqual(["1.2"]);
  });

  it("refuses an unknown id with the closest ones", () => {
    expect(() => planRun(PLAN, { ...none, taskIds: ["5"] })).toThrow(expect.objectContaining({ code: "unknown-task" }));
  });
});

describe("parentsCompletedBy", () => {
  it("completes a parent when its required children are done, innermost first", () => {
    const nested = parseTasks(`- [ ] 1. Top
  - [ ] 1.1 Middle
    - [x] 1.1.1 Leaf
    - [ ]* 1.1.2 Optional leaf
  - [x] 1.2 Sibling
`);
    expect(ids(parentsCompletedBy(nested, "1.1.1"))).toEqual(["1.1", "1"]);
  });

  it("leaves a parent with a required child still open", () => {
    expect(parentsCompletedBy(PLAN, "1.1")).toEqual([]);
  });
});

describe("interruptedTasks", () => {
  it("finds [-] and [~] tasks", () => {
    const plan = parseTasks("- [-] 1. Started\n- [~] 2. Queued\n- [x] 3. Done\n- [ ] 4. Todo\n");
    expect(ids(interruptedTasks(plan))).toEqual(["1", "2"]);
  });
});
