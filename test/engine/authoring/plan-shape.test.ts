import { describe, expect, it } from "vitest";
import { makeAllTasksRequired, planShapeFindings } from "../../../src/engine/authoring/plan-shape.js";
import { RATE_LIMITING } from "../../helpers/authoring-fixtures.js";

describe("plan shape", () => {
  it("accepts two levels and reports a third, at the deep task", () => {
    expect(planShapeFindings(RATE_LIMITING.tasks, "tasks.md")).toEqual([]);
    const deep = "# Implementation Plan\n\n- [ ] 1. A\n  - [ ] 1.1 B\n    - [ ] 1.1.1 C\n      - _Requirements: 1.1_\n";
    const findings = planShapeFindings(deep, "tasks.md");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "authoring/plan-depth", severity: "error", location: { line: 5 } });
  });

  it("makes every optional task required and changes nothing else", () => {
    const text = "- [ ]* 1. A\n  - [ ]* 1.1 B\n  - [x] 1.2 C\n- [ ] 2. D\n";
    expect(makeAllTasksRequired(text)).toBe("- [ ] 1. A\n  - [ ] 1.1 B\n  - [x] 1.2 C\n- [ ] 2. D\n");
    expect(makeAllTasksRequired(RATE_LIMITING.tasks)).toBe(RATE_LIMITING.tasks.replace("[ ]* 1.2", "[ ] 1.2"));
  });
});
