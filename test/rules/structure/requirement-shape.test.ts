import { describe, expect, it } from "vitest";
import { criterionNumberMismatch } from "../../../src/rules/structure/criterion-number-mismatch.js";
import { noRequirements } from "../../../src/rules/structure/no-requirements.js";
import { requirementWithoutCriteria } from "../../../src/rules/structure/requirement-without-criteria.js";
import { findingsOf } from "../../helpers/workspace-model.js";
import { REQUIREMENTS, requirementsText } from "../ears/spec-text.js";

describe("structure/requirement-without-criteria", () => {
  it("reports a requirement heading with no criteria list, at the heading", () => {
    const text = `${requirementsText(["THE Editor SHALL store drafts"])}\n### Requirement 2: Export\n\n**User Story:** As a writer, I want export, so that I can share.\n`;
    const findings = findingsOf(requirementWithoutCriteria, { [REQUIREMENTS]: text });
    expect(findings).toEqual([
      {
        file: REQUIREMENTS,
        location: expect.objectContaining({
          line: text.split("\n").indexOf("### Requirement 2: Export") + 1,
          column: 1,
        }),
        message: "Requirement 2 has no acceptance criteria list, so nothing in it can be traced or verified.",
        fix: "Add a `#### Acceptance Criteria` heading followed by a numbered list of SHALL statements.",
      },
    ]);
  });

  it("accepts requirements that all have criteria", () => {
    expect(
      findingsOf(requirementWithoutCriteria, { [REQUIREMENTS]: requirementsText(["THE Editor SHALL store drafts"]) }),
    ).toEqual([]);
  });
});

describe("structure/no-requirements", () => {
  it("reports a requirements.md without requirement headings", () => {
    const findings = findingsOf(noRequirements, { [REQUIREMENTS]: "# Requirements\n\nThe editor keeps drafts.\n" });
    expect(findings.map((finding) => finding.location.line)).toEqual([1]);
    expect(findings[0]?.message).toMatch(/^No requirement headings were found/);
  });

  it("accepts a document with requirements", () => {
    expect(findingsOf(noRequirements, { [REQUIREMENTS]: requirementsText(["THE Editor SHALL store drafts"]) })).toEqual(
      [],
    );
  });
});

describe("structure/criterion-number-mismatch", () => {
  it("reports a criterion numbered after another requirement", () => {
    const text = requirementsText([]).concat("1.1 THE Editor SHALL store drafts\n2.2 THE Editor SHALL list drafts\n");
    const findings = findingsOf(criterionNumberMismatch, { [REQUIREMENTS]: text });
    expect(findings.map((finding) => finding.message)).toEqual([
      "Criterion 2.2 sits under Requirement 1; it is read as 1.2.",
    ]);
  });

  it("accepts criteria numbered N.M under requirement N", () => {
    const text = requirementsText([]).concat("1.1 THE Editor SHALL store drafts\n1.2 THE Editor SHALL list drafts\n");
    expect(findingsOf(criterionNumberMismatch, { [REQUIREMENTS]: text })).toEqual([]);
  });
});
