import { describe, expect, it } from "vitest";
import { skippedId } from "../../../src/rules/structure/skipped-id.js";
import { findingsOf } from "../../helpers/workspace-model.js";
import { BUGFIX, bugfixText, REQUIREMENTS, requirementsText, TASKS } from "../ears/spec-text.js";

describe("structure/skipped-id", () => {
  it("reports a requirement number that is skipped, at the requirement after the gap", () => {
    const text = `${requirementsText(["THE Editor SHALL store drafts"])}\n### Requirement 2: B\n\n1. THE Editor SHALL b\n\n### Requirement 4: D\n\n1. THE Editor SHALL d\n`;
    const findings = findingsOf(skippedId, { [REQUIREMENTS]: text });
    expect(findings.map((finding) => finding.message)).toEqual([
      "Requirement 3 is missing: the numbering jumps from 2 to 4.",
    ]);
    expect(findings[0]?.location.line).toBe(text.split("\n").indexOf("### Requirement 4: D") + 1);
  });

  it("reports criteria that skip or do not start at 1, at the number", () => {
    const text = requirementsText([]).concat("2. THE Editor SHALL a\n3. THE Editor SHALL b\n6. THE Editor SHALL c\n");
    const findings = findingsOf(skippedId, { [REQUIREMENTS]: text });
    expect(findings.map((finding) => finding.message)).toEqual([
      "Criterion 1.1 is missing: the numbering starts at 1.2.",
      "Criteria 1.4–1.5 are missing: the numbering jumps from 1.3 to 1.6.",
    ]);
    expect(findings[1]?.location).toMatchObject({ column: 1, endColumn: 2 });
  });

  it("reports skipped tasks and sub-tasks, but lets a task list start after 1", () => {
    const text = "- [x] 17. A\n  - [ ] 17.2 B\n- [ ] 18. C\n- [ ] 20. D\n";
    const findings = findingsOf(skippedId, { [TASKS]: text }).sort((a, b) => a.location.line - b.location.line);
    expect(findings.map((finding) => [finding.location.line, finding.message])).toEqual([
      [2, "Task 17.1 is missing: the numbering starts at 17.2."],
      [4, "Task 19 is missing: the numbering jumps from 18 to 20."],
    ]);
  });

  it("reports a skipped bugfix clause", () => {
    const text = bugfixText(["a", "b", "c"], [], []).replace("1.2 b", "1.4 b").replace("1.3 c", "1.5 c");
    expect(findingsOf(skippedId, { [BUGFIX]: text }).map((finding) => finding.message)).toEqual([
      "Clauses 1.2–1.3 are missing: the numbering jumps from 1.1 to 1.4.",
    ]);
  });

  it("accepts consecutive numbers, bulleted criteria, lettered and prefixed requirement ids", () => {
    const files = {
      [REQUIREMENTS]:
        "## Requirements\n\n### Requirement R0: A\n\n- THE S SHALL a\n\n### Requirement R1: B\n\n1. THE S SHALL b\n2. THE S SHALL c\n\n### Requirement 6a: C\n\n1. THE S SHALL d\n",
      [TASKS]: "- [ ] 1. A\n  - [ ] 1.1 a\n  - [ ] 1.2 b\n\n## Later\n\n  - [ ] 1.3 c\n- [ ] 2. B\n",
    };
    expect(findingsOf(skippedId, files)).toEqual([]);
  });
});
