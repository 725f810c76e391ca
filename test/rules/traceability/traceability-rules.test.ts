import { describe, expect, it } from "vitest";
import { parentDoneChildOpen } from "../../../src/rules/traceability/parent-done-child-open.js";
import { taskWithoutReference } from "../../../src/rules/traceability/task-without-reference.js";
import { uncoveredCriterion } from "../../../src/rules/traceability/uncovered-criterion.js";
import { unknownReference } from "../../../src/rules/traceability/unknown-reference.js";
import { SAMPLE_BUGFIX, SAMPLE_DESIGN, SAMPLE_REQUIREMENTS, SAMPLE_TASKS } from "../../helpers/sample-specs.js";
import { findingsOf } from "../../helpers/workspace-model.js";

const SPEC = ".kiro/specs/rate-limiting";
const spec = (files: { requirements?: string; design?: string; tasks?: string; bugfix?: string }) =>
  Object.fromEntries(Object.entries(files).map(([name, text]) => [`${SPEC}/${name}.md`, text]));

describe("traceability/unknown-reference", () => {
  it("passes when every reference names a criterion or a requirement", () => {
    const tasks = `${SAMPLE_TASKS}- [ ] 4. Whole requirement\n  - _Requirements: 2_\n`;
    expect(
      findingsOf(unknownReference, spec({ requirements: SAMPLE_REQUIREMENTS, design: SAMPLE_DESIGN, tasks })),
    ).toEqual([]);
  });

  it("reports a task and a design property pointing at missing criteria, at the list", () => {
    const tasks = SAMPLE_TASKS.replace("_Requirements: 2.1_", "_Requirements: 2.1, 2.4_");
    const design = SAMPLE_DESIGN.replace("Requirements 1.1, 1.2", "Requirements 1.1, 3.1");
    const findings = findingsOf(unknownReference, spec({ requirements: SAMPLE_REQUIREMENTS, design, tasks }));
    expect(findings).toMatchObject([
      {
        file: `${SPEC}/tasks.md`,
        location: { line: 11 },
        message: "Task 2.1 references 2.4, which is not a criterion of this spec.",
      },
      { file: `${SPEC}/design.md`, message: "Property 1 references 3.1, which is not a criterion of this spec." },
    ]);
    expect(findings[0]?.fix).toContain("Did you mean 2.1");
  });

  it("does not judge references when there are no readable criteria", () => {
    expect(findingsOf(unknownReference, spec({ tasks: SAMPLE_TASKS }))).toEqual([]);
  });
});

describe("traceability/uncovered-criterion", () => {
  it("passes when tasks cover every criterion", () => {
    expect(findingsOf(uncoveredCriterion, spec({ requirements: SAMPLE_REQUIREMENTS, tasks: SAMPLE_TASKS }))).toEqual(
      [],
    );
  });

  it("reports each criterion no task references, at the criterion", () => {
    const tasks = SAMPLE_TASKS.replace("_Requirements: 2.1_", "_Requirements: 1.1_");
    expect(findingsOf(uncoveredCriterion, spec({ requirements: SAMPLE_REQUIREMENTS, tasks }))).toMatchObject([
      {
        file: `${SPEC}/requirements.md`,
        location: { line: 28, column: 1 },
        message: "Criterion 2.1 is not referenced by any task.",
      },
    ]);
  });

  it("treats `All` and a whole-requirement reference as covering", () => {
    const all = SAMPLE_TASKS.replace("_Requirements: 2.1_", "_Requirements: All_").replace("_Requirements: 1.2_", "");
    expect(findingsOf(uncoveredCriterion, spec({ requirements: SAMPLE_REQUIREMENTS, tasks: all }))).toEqual([]);
    const whole = SAMPLE_TASKS.replace("_Requirements: 2.1_", "_Requirements: 2_");
    expect(findingsOf(uncoveredCriterion, spec({ requirements: SAMPLE_REQUIREMENTS, tasks: whole }))).toEqual([]);
  });

  it("asks coverage of expected and unchanged bugfix clauses, not of the defect", () => {
    const tasks = "- [ ] 1. Fix\n  - _Requirements: 2.1_\n";
    expect(findingsOf(uncoveredCriterion, spec({ bugfix: SAMPLE_BUGFIX, tasks }))).toMatchObject([
      { file: `${SPEC}/bugfix.md`, message: "Clause 3.1 is not referenced by any task." },
    ]);
  });
});

describe("traceability/task-without-reference", () => {
  it("passes on leaves with references, parents, checkpoints and unnumbered checklists", () => {
    const tasks = `${SAMPLE_TASKS}- [ ] 4. Final checkpoint - run everything\n\n## Manual checks\n- [ ] Open the page\n`;
    expect(findingsOf(taskWithoutReference, spec({ requirements: SAMPLE_REQUIREMENTS, tasks }))).toEqual([]);
  });

  it("reports a numbered leaf with no reference", () => {
    const tasks = `${SAMPLE_TASKS}- [ ] 4. Write the README\n`;
    expect(findingsOf(taskWithoutReference, spec({ requirements: SAMPLE_REQUIREMENTS, tasks }))).toMatchObject([
      { location: { line: 15, column: 1 }, message: 'Task 4 ("Write the README") references no requirement.' },
    ]);
  });
});

describe("traceability/parent-done-child-open", () => {
  it("passes when a done parent's open children are optional", () => {
    expect(findingsOf(parentDoneChildOpen, spec({ tasks: SAMPLE_TASKS }))).toEqual([]);
  });

  it("reports a done parent with an open required child", () => {
    const tasks = SAMPLE_TASKS.replace("- [-] 2. Rejection", "- [x] 2. Rejection");
    expect(findingsOf(parentDoneChildOpen, spec({ tasks }))).toMatchObject([
      { location: { line: 9 }, message: "Task 2 is done but required sub-tasks 2.1, 2.2 are not." },
    ]);
  });
});

describe("plans that reference nothing", () => {
  const bare = "- [ ] 1. Build it\n- [ ] 2. Test it\n";

  it("get one task-without-reference finding, not one per task", () => {
    expect(findingsOf(taskWithoutReference, spec({ requirements: SAMPLE_REQUIREMENTS, tasks: bare }))).toMatchObject([
      { location: { line: 1 }, message: "No task in this plan references a requirement (2 tasks)." },
    ]);
  });

  it("get one uncovered-criterion finding, not one per criterion", () => {
    expect(findingsOf(uncoveredCriterion, spec({ requirements: SAMPLE_REQUIREMENTS, tasks: bare }))).toMatchObject([
      { message: "No task references any of the 3 criteria of this spec." },
    ]);
  });
});

describe("traceability/task-without-reference on groups", () => {
  it("lets a group's reference line cover its sub-tasks, and still reports a bare leaf", () => {
    const tasks = [
      "- [ ] 1. Limits",
      "  - [ ] 1.1 Count requests",
      "  - [ ] 1.2 Reject over the limit",
      "  - _Requirements: 1.1, 1.2_",
      "- [ ] 2. Docs",
      "- [ ] 2.1 Write the guide",
      "",
    ].join("\n");
    const findings = findingsOf(taskWithoutReference, spec({ requirements: SAMPLE_REQUIREMENTS, tasks }));
    expect(findings.map((finding) => finding.message)).toEqual([
      'Task 2.1 ("Write the guide") references no requirement.',
    ]);
  });
});

describe("traceability/unknown-reference on a list with a repeated number", () => {
  it("accepts the number the list renders with (`3.`, `4.`, `4.` shows 3, 4, 5)", () => {
    const requirements = [
      "### Requirement 3: Search",
      "",
      "#### Acceptance Criteria",
      "",
      "1. THE Client SHALL search.",
      "2. THE Client SHALL sign requests.",
      "3. THE Client SHALL cache tokens.",
      "4. IF the search fails, THEN THE Client SHALL throw.",
      "4. IF nothing is found, THEN THE Client SHALL log it.",
      "",
    ].join("\n");
    const tasks =
      "- [ ] 1. Search\n  - _Requirements: 3.1, 3.2, 3.3, 3.4, 3.5_\n- [ ] 2. Other\n  - _Requirements: 3.6_\n";
    const findings = findingsOf(unknownReference, spec({ requirements, tasks }));
    expect(findings.map((finding) => finding.message)).toEqual([
      "Task 2 references 3.6, which is not a criterion of this spec.",
    ]);
    expect(findingsOf(uncoveredCriterion, spec({ requirements, tasks }))).toEqual([]);
  });
});

describe("traceability/parent-done-child-open with flat numbering", () => {
  it("finds a done group whose flat-numbered sub-task is open", () => {
    const tasks =
      "- [x] 1. Limits\n- [x] 1.1 Count\n  - _Requirements: 1.1_\n- [ ] 1.2 Reject\n  - _Requirements: 1.2_\n";
    const findings = findingsOf(parentDoneChildOpen, spec({ requirements: SAMPLE_REQUIREMENTS, tasks }));
    expect(findings.map((finding) => finding.message)).toEqual(["Task 1 is done but required sub-task 1.2 is not."]);
  });
});
