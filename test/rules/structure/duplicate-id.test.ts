import { describe, expect, it } from "vitest";
import { duplicateId } from "../../../src/rules/structure/duplicate-id.js";
import { findingsOf } from "../../helpers/workspace-model.js";
import { BUGFIX, bugfixText, REQUIREMENTS, requirementsText, TASKS } from "../ears/spec-text.js";

describe("structure/duplicate-id", () => {
  it("reports a repeated criterion number and a repeated requirement heading", () => {
    const text = `${requirementsText(["THE Editor SHALL store drafts"])}2. THE Editor SHALL list drafts\n2. THE Editor SHALL sort drafts\n\n### Requirement 1: Again\n\n1. THE Editor SHALL export drafts\n`;
    const findings = findingsOf(duplicateId, { [REQUIREMENTS]: text });
    expect(findings.map((finding) => [finding.location.line, finding.message])).toEqual([
      [17, "Criterion 1.2 appears twice (first on line 16), so references to it are ambiguous."],
      [19, "Requirement 1 appears twice (first on line 9), so references to it are ambiguous."],
    ]);
  });

  it("reports a repeated bugfix clause", () => {
    const text = bugfixText(
      ["A", "B"],
      ["WHEN x THEN the system SHALL y"],
      ["WHEN x THEN the system SHALL CONTINUE TO z"],
    ).replace("1.2 B", "1.1 B");
    const findings = findingsOf(duplicateId, { [BUGFIX]: text });
    expect(findings.map((finding) => finding.message)).toEqual([
      "Clause 1.1 appears twice (first on line 11), so references to it are ambiguous.",
    ]);
  });

  it("reports a repeated task id at the id, also across headings and nesting levels", () => {
    const text =
      "# Implementation Plan\n\n- [ ] 1. Store drafts\n  - [ ] 1.1 Write the store\n\n## More\n\n- [x] 1.1. List drafts\n";
    const findings = findingsOf(duplicateId, { [TASKS]: text });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      "Task 1.1 appears twice (first on line 4), so references to it and commands that select it are ambiguous.",
    );
    expect(findings[0]?.location).toMatchObject({ line: 8, column: 7, endColumn: 11 });
  });

  it("accepts unique ids everywhere", () => {
    const files = {
      [REQUIREMENTS]: requirementsText(["THE Editor SHALL store drafts", "THE Editor SHALL list drafts"]),
      [TASKS]:
        "- [ ] 1. Store\n  - [ ] 1.1 Write\n  - [ ] 1.2 Test\n- [ ] 2. List\n- [ ] Unnumbered\n- [ ] Unnumbered\n",
    };
    expect(findingsOf(duplicateId, files)).toEqual([]);
  });
});
