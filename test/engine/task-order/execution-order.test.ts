import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { executionOrder } from "../../../src/engine/task-order/execution-order.js";
import { nextTask } from "../../../src/engine/task-order/next-task.js";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";
import type { Task } from "../../../src/model/tasks/task-types.js";
import { flattenTasks } from "../../../src/model/tasks/walk-tasks.js";

const PLAN = `# Implementation Plan

- [x] 1. Store
  - [x] 1.1 Write the store
  - [ ]* 1.2 Property test for the store
- [ ] 2. Limiter
  - [ ] 2.1 Count requests
  - [ ] 2.2 Answer 429
- [ ] 3. Checkpoint: all tests pass
- [ ] 4. Wire it up
`;

const ids = (tasks: readonly Task[]) => tasks.map((task) => task.id);

describe("executionOrder", () => {
  it("runs sub-tasks in order, a parent after its children, and skips optional tasks unless asked", () => {
    const plan = parseTasks(PLAN);
    expect(ids(executionOrder(plan.tasks))).toEqual(["1.1", "1", "2.1", "2.2", "2", "3", "4"]);
    expect(ids(executionOrder(plan.tasks, { includeOptional: true }))).toEqual([
      "1.1",
      "1.2",
      "1",
      "2.1",
      "2.2",
      "2",
      "3",
      "4",
    ]);
  });

  it("skips everything under an optional parent", () => {
    const plan = parseTasks("- [ ]* 1. Extra\n  - [ ] 1.1 Child\n- [ ] 2. Main\n");
    expect(ids(executionOrder(plan.tasks))).toEqual(["2"]);
  });
});

describe("nextTask", () => {
  it("is the first unfinished task in execution order", () => {
    expect(nextTask(parseTasks(PLAN))).toMatchObject({ kind: "task", task: { id: "2.1" } });
    expect(nextTask(parseTasks(PLAN), { includeOptional: true })).toMatchObject({ kind: "task", task: { id: "1.2" } });
  });

  it("offers a parent once its children are done", () => {
    const plan = parseTasks("- [ ] 1. Parent\n  - [x] 1.1 A\n  - [x] 1.2 B\n- [ ] 2. Next\n");
    expect(nextTask(plan)).toMatchObject({ kind: "task", task: { id: "1" } });
  });

  it("stops at a checkpoint", () => {
    const plan = parseTasks("- [x] 1. A\n- [ ] 2. Checkpoint - make sure the tests pass\n- [ ] 3. B\n");
    expect(nextTask(plan)).toMatchObject({ kind: "checkpoint", task: { id: "2" } });
  });

  it("is blocked by a task left in progress", () => {
    const plan = parseTasks("- [x] 1. A\n- [-] 2. B\n- [ ] 3. C\n");
    expect(nextTask(plan)).toMatchObject({ kind: "blocked", reason: "in-progress", task: { id: "2" } });
  });

  it("is done when every task is, counting unfinished optional tasks left out", () => {
    expect(nextTask(parseTasks("- [x] 1. A\n- [ ]* 2. Extra\n"))).toEqual({ kind: "done", skippedOptional: 1 });
    expect(nextTask(parseTasks(""))).toEqual({ kind: "done", skippedOptional: 0 });
  });
});

interface GeneratedTask {
  readonly marker: " " | "x" | "-" | "~";
  readonly optional: boolean;
  readonly checkpoint: boolean;
  readonly children: readonly GeneratedTask[];
}

const generatedTask: fc.Memo<GeneratedTask> = fc.memo((depth) =>
  fc.record({
    marker: fc.constantFrom(" ", "x", "-", "~"),
    optional: fc.boolean(),
    checkpoint: fc.boolean(),
    children: depth > 1 ? fc.array(generatedTask(depth - 1), { maxLength: 3 }) : fc.constant([]),
  }),
);

/** A tasks.md with numbered tasks nested as generated. */
function renderPlan(tasks: readonly GeneratedTask[], prefix = "", indent = ""): string {
  return tasks
    .map((task, index) => {
      const id = `${prefix}${index + 1}`;
      const title = task.checkpoint ? "Checkpoint: run the tests" : `Task ${id}`;
      const line = `${indent}- [${task.marker}]${task.optional ? "*" : ""} ${id}. ${title}\n`;
      return line + renderPlan(task.children, `${id}.`, `${indent}  `);
    })
    .join("");
}

describe("properties on generated plans", () => {
  const plans = fc.array(generatedTask(3), { maxLength: 5 }).map((tasks) => parseTasks(renderPlan(tasks)));

  it("with optional tasks, every task appears exactly once and no parent comes before its children", () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const order = executionOrder(plan.tasks, { includeOptional: true });
        const all = flattenTasks(plan.tasks);
        expect(order).toHaveLength(all.length);
        expect(new Set(order)).toEqual(new Set(all));
        for (const task of all) {
          for (const child of task.children) expect(order.indexOf(child)).toBeLessThan(order.indexOf(task));
        }
      }),
    );
  });

  it("without them, no optional task (or task under one) is in the order", () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const order = new Set(executionOrder(plan.tasks));
        const visit = (tasks: readonly Task[], underOptional: boolean) => {
          for (const task of tasks) {
            const skipped = underOptional || task.optional;
            expect(order.has(task)).toBe(!skipped);
            visit(task.children, skipped);
          }
        };
        visit(plan.tasks, false);
      }),
    );
  });

  it("the next task is unfinished and every task before it is done", () => {
    fc.assert(
      fc.property(plans, fc.boolean(), (plan, includeOptional) => {
        const order = executionOrder(plan.tasks, { includeOptional });
        const next = nextTask(plan, { includeOptional });
        if (next.kind === "done") {
          expect(order.every((task) => task.status === "done")).toBe(true);
          return;
        }
        const index = order.indexOf(next.task);
        expect(next.task.status).not.toBe("done");
        expect(order.slice(0, index).every((task) => task.status === "done")).toBe(true);
        expect(next.kind === "checkpoint").toBe(next.task.checkpoint && next.task.status !== "in-progress");
      }),
    );
  });
});
