import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { intendedWaves } from "../../../src/engine/task-waves/intended-waves.js";
import { planWaves } from "../../../src/engine/task-waves/plan-waves.js";
import { formatWaves } from "../../../src/model/settings/tasks-meta-waves.js";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";
import { buildWorkspaceModel } from "../../../src/rules/build-workspace-model.js";
import { staleWaves } from "../../../src/rules/structure/stale-waves.js";

const ids = (planned: ReturnType<typeof planWaves>) => planned.waves.map((wave) => wave.taskIds);

/** The rule's findings for tasks.md beside a tasks.meta.json holding `waves`. */
const staleFindings = (tasks: string, waves: readonly (readonly string[])[]) =>
  [
    ...staleWaves.check(
      buildWorkspaceModel({
        files: [
          { path: ".kiro/specs/s/tasks.md", text: tasks },
          { path: ".kiro/specs/s/tasks.meta.json", text: `{"waves": ${formatWaves(waves)}}` },
        ],
      }),
    ),
  ].map((finding) => finding.message);

/** A random plan: top-level tasks, some with sub-tasks, `(P)` markers, `_Depends:_` on earlier tasks, checkpoints. */
const plans = fc
  .array(
    fc.record({
      subTasks: fc.integer({ min: 0, max: 3 }),
      parallel: fc.boolean(),
      checkpoint: fc.integer({ min: 0, max: 9 }).map((value) => value === 0),
      depends: fc.array(fc.nat(), { maxLength: 2 }),
      subDepends: fc.array(fc.nat(), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .map((tasks) => {
    const lines = ["# Tasks", ""];
    const earlier: string[] = [];
    tasks.forEach((task, index) => {
      const id = String(index + 1);
      const pick = (choices: readonly number[]) =>
        earlier.length === 0 ? [] : [...new Set(choices.map((choice) => earlier[choice % earlier.length] ?? ""))];
      if (task.checkpoint) {
        lines.push(`- [ ] ${id}. Checkpoint - make sure all tests pass`);
        earlier.push(id);
        return;
      }
      lines.push(`- [ ] ${id}. ${task.parallel ? "(P) " : ""}Task ${id}`);
      const depends = pick(task.depends);
      if (depends.length > 0) lines.push(`  - _Depends: ${depends.join(", ")}_`);
      for (let sub = 1; sub <= task.subTasks; sub++) {
        lines.push(`  - [ ] ${id}.${sub} Part ${sub}`);
        const own = sub === 2 ? pick(task.subDepends) : [];
        if (own.length > 0) lines.push(`    - _After: ${own.join(", ")}_`);
      }
      earlier.push(id);
    });
    return `${lines.join("\n")}\n`;
  });

describe("intendedWaves", () => {
  it("lists every leaf task, done and optional ones included, from the plan's markers", () => {
    const plan = [
      "# Tasks",
      "",
      "- [x] 1. Base",
      "- [ ] 2. (P) A",
      "- [ ]* 3. (P) Tests for A",
      "- [ ] 4. Checkpoint - make sure all tests pass",
      "- [ ] 5. C",
      "  - _Depends: 2_",
      "  - [ ] 5.1 C one",
      "  - [ ] 5.2 C two",
      "",
    ].join("\n");
    expect(intendedWaves(parseTasks(plan)).stored).toEqual([["1"], ["2", "3"], ["4"], ["5.1"], ["5.2"]]);
  });

  it("round-trips: run reading the stored waves plans the same waves as from tasks.md, and check finds them current", () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const document = parseTasks(plan);
        let stored: readonly (readonly string[])[];
        try {
          stored = intendedWaves(document).stored;
        } catch {
          return; // A cycle is refused, and nothing is written: nothing to round-trip.
        }
        const fromMarkers = planWaves(document, undefined, {});
        const fromStored = planWaves(document, { waves: stored }, {});
        expect(fromStored.source).toBe(stored.length > 0 ? "kiro-waves" : fromMarkers.source);
        expect(ids(fromStored)).toEqual(ids(fromMarkers));
        expect(staleFindings(plan, stored)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("structure/stale-waves", () => {
  const plan = "# Tasks\n\n- [ ] 1. (P) A\n- [ ] 2. (P) B\n- [ ] 3. C\n  - _Depends: 1_\n";

  it("reports a listed task tasks.md no longer has, and a task no wave lists", () => {
    expect(staleFindings(plan, [["1", "2", "9"]])).toEqual([
      "Wave 1 lists task 9, which tasks.md does not have.",
      "No wave lists task 3: the waves are older than tasks.md.",
    ]);
  });

  it("reports waves that break a _Depends:_ or a checkpoint barrier", () => {
    expect(staleFindings(plan, [["1", "3"], ["2"]])).toEqual([
      "Task 3 waits for task 1 (`_Depends: 1_`), but the waves put it in wave 1, not after task 1 (wave 1).",
    ]);
    const barrier = "# Tasks\n\n- [ ] 1. A\n- [ ] 2. Checkpoint - make sure all tests pass\n- [ ] 3. B\n";
    expect(staleFindings(barrier, [["1", "2"], ["3"]])).toEqual([
      "Checkpoint task 2 is a barrier, but the waves run task 1 not before it.",
    ]);
  });

  it("reads a parent listed for its sub-tasks as current", () => {
    const nested = "# Tasks\n\n- [ ] 1. A\n  - [ ] 1.1 A one\n  - [ ] 1.2 A two\n- [ ] 2. B\n  - _Depends: 1_\n";
    expect(staleFindings(nested, [["1"], ["2"]])).toEqual([]);
  });
});
