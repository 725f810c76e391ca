import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getApprovals } from "../../../src/engine/approvals/get-approvals.js";
import { loadSteeringContext } from "../../../src/engine/context/load-steering-context.js";
import { executionOrder } from "../../../src/engine/task-order/execution-order.js";
import { findNextTask } from "../../../src/engine/task-order/find-next-task.js";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";
import { flattenTasks } from "../../../src/model/tasks/walk-tasks.js";
import { CORPUS_ROOT, corpusFiles } from "../../helpers/corpus.js";

describe("the corpus, read in place", () => {
  it("orders every plan with each task once and parents after their children", () => {
    const plans = corpusFiles("tasks.md");
    expect(plans.length).toBeGreaterThan(50);
    for (const file of plans) {
      const plan = parseTasks(file.text);
      const order = executionOrder(plan.tasks, { includeOptional: true });
      expect(order, file.name).toHaveLength(flattenTasks(plan.tasks).length);
      const position = new Map(order.map((task, index) => [task, index]));
      for (const task of order) {
        for (const child of task.children) expect(position.get(child), file.name).toBeLessThan(position.get(task) ?? 0);
      }
    }
  });

  it("finds a next task and approval states for every spec, and steering for every workspace, without an error", async () => {
    const roots = readdirSync(CORPUS_ROOT).map((name) => join(CORPUS_ROOT, name));
    let specs = 0;
    for (const root of roots) {
      const specsFolder = join(root, ".kiro", "specs");
      if (existsSync(join(root, ".kiro", "steering"))) {
        const selection = await loadSteeringContext({ root, filesInPlay: ["src/index.ts"], prompt: "#api" });
        // Every steering file is decided exactly once: included, excluded with a reason, or unreadable.
        const decided = [...selection.included, ...selection.excluded].map((entry) => entry.path);
        const unreadable = selection.problems.filter((problem) => !problem.message.startsWith("#[[file:"));
        const files = readdirSync(join(root, ".kiro", "steering")).filter((name) => name.endsWith(".md"));
        expect(decided.length + unreadable.length, root).toBe(files.length);
        expect(new Set(decided).size, root).toBe(decided.length);
      }
      if (!existsSync(specsFolder)) continue;
      for (const entry of readdirSync(specsFolder, { withFileTypes: true }).filter((item) => item.isDirectory())) {
        const approvals = await getApprovals({ root, spec: entry.name });
        expect(approvals.phases.every((phase) => phase.state === "missing" || phase.state === "unapproved")).toBe(true);
        if (existsSync(join(specsFolder, entry.name, "tasks.md"))) {
          const next = await findNextTask({ root, spec: entry.name });
          expect(["task", "checkpoint", "blocked", "done"]).toContain(next.kind);
        }
        specs++;
      }
    }
    expect(specs).toBeGreaterThan(50);
  }, 60_000);
});
