import { describe, expect, it } from "vitest";
import { planWaves, readKiroWaves } from "../../../src/engine/task-waves/plan-waves.js";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";

const waves = (text: string, meta?: string) =>
  planWaves(parseTasks(text), readKiroWaves(meta), {}).waves.map((wave) => wave.taskIds);

describe("computeWaves", () => {
  it("keeps a plan without markers in order, one task per wave", () => {
    const plan = "# Tasks\n\n- [ ] 1. One\n- [ ] 2. Two\n  - [ ] 2.1 Sub one\n  - [ ] 2.2 Sub two\n- [ ] 3. Three\n";
    expect(waves(plan)).toEqual([["1"], ["2.1"], ["2.2"], ["3"]]);
  });

  it("follows _Depends:_ and _After:_, a parent standing for its sub-tasks, sub-tasks in order", () => {
    const plan = [
      "# Tasks",
      "",
      "- [ ] 1. Base",
      "  - [ ] 1.1 Schema",
      "  - [ ] 1.2 Migration",
      "- [ ] 2. API",
      "  - _Depends: 1_",
      "  - [ ] 2.1 Routes",
      "  - [ ] 2.2 Handlers",
      "- [ ] 3. CLI",
      "  - _After: 1.2_",
      "- [ ] 4. Docs",
      "  - _Depends: 2.1, 3_",
      "",
    ].join("\n");
    const planned = planWaves(parseTasks(plan), undefined, {});
    expect(planned.waves.map((wave) => wave.taskIds)).toEqual([["1.1"], ["1.2"], ["2.1", "3"], ["2.2", "4"]]);
    expect(planned.source).toBe("markers");
    expect(planned.dependencies["3"]).toEqual([{ taskId: "1.2", reason: "after" }]);
  });

  it("runs consecutive cc-sdd (P) tasks together, after the task before them", () => {
    const plan = "# Tasks\n\n- [ ] 1. Setup\n- [ ] 2. (P) A\n- [ ] 3. (P) B\n- [ ] 4. (P) C\n- [ ] 5. Wrap up\n";
    expect(waves(plan)).toEqual([["1"], ["2", "3", "4"], ["5"]]);
  });

  it("takes Kiro's waves from tasks.meta.json, sub-tasks of a listed task in order", () => {
    const plan =
      "# Tasks\n\n- [ ] 1. A\n- [ ] 2. B\n  - [ ] 2.1 B one\n  - [ ] 2.2 B two\n- [ ] 3. C\n- [ ] 4. D\n- [ ] 5. E\n";
    const meta = JSON.stringify({
      waves: [
        ["1", "2"],
        ["3", "4", "5"],
      ],
    });
    expect(waves(plan, meta)).toEqual([["1", "2.1"], ["2.2"], ["3", "4", "5"]]);
  });

  it("runs sub-tasks Kiro's waves list themselves together, and reads its {id, tasks} form", () => {
    const plan = "# Tasks\n\n- [ ] 1. A\n  - [ ] 1.1 A one\n  - [ ] 1.2 A two\n- [ ] 2. B\n";
    expect(waves(plan, JSON.stringify({ waves: [["1.1", "1.2"], ["2"]] }))).toEqual([["1.1", "1.2"], ["2"]]);
    const graph = JSON.stringify({
      waves: [
        { id: 0, tasks: ["1.1", "2"] },
        { id: 1, tasks: ["1.2"] },
      ],
    });
    expect(waves(plan, graph)).toEqual([["1.1", "2"], ["1.2"]]);
  });

  it("keeps a parent's _Depends:_ for a sub-task that names dependencies of its own", () => {
    const plan = [
      "# Tasks",
      "",
      "- [ ] 1. A",
      "- [ ] 2. B",
      "- [ ] 3. C",
      "  - _Depends: 2_",
      "  - [ ] 3.1 C one",
      "  - [ ] 3.2 C two",
      "    - _After: 1_",
      "",
    ].join("\n");
    const planned = planWaves(parseTasks(plan), undefined, {});
    expect(planned.dependencies["3.2"]?.map((edge) => edge.taskId)).toEqual(["1", "2"]);
    expect(planned.waves.map((wave) => wave.taskIds)).toEqual([["1"], ["2"], ["3.1", "3.2"]]);
  });

  it("makes a checkpoint a barrier: it waits for everything before it and everything after waits for it", () => {
    const plan = [
      "# Tasks",
      "",
      "- [ ] 1. (P) A",
      "- [ ] 2. (P) B",
      "- [ ] 3. Checkpoint - make sure all tests pass",
      "- [ ] 4. (P) C",
      "  - _Depends: 1_",
      "- [ ] 5. (P) D",
      "",
    ].join("\n");
    const planned = planWaves(parseTasks(plan), undefined, {});
    expect(planned.waves.map((wave) => wave.taskIds)).toEqual([["1", "2"], ["3"], ["4", "5"]]);
    expect(planned.waves.map((wave) => wave.barrier)).toEqual([false, true, false]);
  });

  it("counts done tasks as finished and leaves them out", () => {
    const plan = "# Tasks\n\n- [x] 1. Done\n- [ ] 2. B\n  - _Depends: 1_\n- [ ] 3. C\n  - _Depends: 1_\n";
    expect(waves(plan)).toEqual([["2", "3"]]);
  });

  it("refuses a dependency cycle and a reference to a task the plan lacks", () => {
    const cycle = "# Tasks\n\n- [ ] 1. A\n  - _Depends: 2_\n- [ ] 2. B\n  - _Depends: 1_\n";
    expect(() => waves(cycle)).toThrow(/circle/);
    const unknown = "# Tasks\n\n- [ ] 1. A\n  - _Depends: 9_\n";
    expect(() => waves(unknown)).toThrow(/9/);
  });

  it("ignores a tasks.meta.json without usable waves", () => {
    expect(readKiroWaves("{not json")).toBeUndefined();
    expect(readKiroWaves(JSON.stringify({ tasks: {} }))).toBeUndefined();
    expect(readKiroWaves(JSON.stringify({ waves: [["1", 2]] }))).toEqual({ waves: [["1", "2"]] });
  });
});
