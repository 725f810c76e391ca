import { describe, expect, it } from "vitest";
import { buildTraceMatrix } from "../../../src/rules/traceability/trace-matrix.js";
import { SAMPLE_BUGFIX, SAMPLE_DESIGN, SAMPLE_REQUIREMENTS, SAMPLE_TASKS } from "../../helpers/sample-specs.js";
import { workspaceOf } from "../../helpers/workspace-model.js";

const specOf = (files: Record<string, string>) => {
  const [spec] = workspaceOf(files).specs;
  if (!spec) throw new Error("no spec");
  return spec;
};

describe("buildTraceMatrix", () => {
  it("lists every criterion with the tasks and properties that cover it", () => {
    const matrix = buildTraceMatrix(
      specOf({
        ".kiro/specs/a/requirements.md": SAMPLE_REQUIREMENTS,
        ".kiro/specs/a/design.md": SAMPLE_DESIGN,
        ".kiro/specs/a/tasks.md": SAMPLE_TASKS,
      }),
    );
    expect(matrix.rows.map((row) => [row.criterion, row.tasks.map((task) => task.id), row.properties.length])).toEqual([
      ["1.1", ["1.1", "1.2"], 1],
      ["1.2", ["1.2", "2.2"], 1],
      ["2.1", ["2.1"], 0],
    ]);
    expect(matrix.summary).toEqual({ criteria: 3, covered: 3, uncovered: 0, done: 0 });
  });

  it("puts uncovered criteria first and counts criteria whose tasks are all done", () => {
    const tasks = "- [x] 1. All of requirement 1\n  - _Requirements: 1_\n";
    const matrix = buildTraceMatrix(
      specOf({ ".kiro/specs/a/requirements.md": SAMPLE_REQUIREMENTS, ".kiro/specs/a/tasks.md": tasks }),
    );
    expect(matrix.rows.map((row) => row.criterion)).toEqual(["2.1", "1.1", "1.2"]);
    expect(matrix.summary).toEqual({ criteria: 3, covered: 2, uncovered: 1, done: 2 });
  });

  it("traces `All`, and bugfix clauses other than the defect description", () => {
    const tasks = "- [ ] 1. Fix and protect\n  - _Requirements: All_\n";
    const matrix = buildTraceMatrix(
      specOf({ ".kiro/specs/b/bugfix.md": SAMPLE_BUGFIX, ".kiro/specs/b/tasks.md": tasks }),
    );
    expect(matrix.rows.map((row) => [row.criterion, row.tasks.length])).toEqual([
      ["2.1", 1],
      ["3.1", 1],
    ]);
  });
});
