import { describe, expect, it } from "vitest";
import { bugfixClauseGroupMismatch } from "../../../src/rules/structure/bugfix-clause-group-mismatch.js";
import { bugfixMissingSection } from "../../../src/rules/structure/bugfix-missing-section.js";
import { findingsOf } from "../../helpers/workspace-model.js";
import { BUGFIX, bugfixText } from "../ears/spec-text.js";

const CLEAN = bugfixText(
  ["WHEN x THEN the system loses y"],
  ["WHEN x THEN the system SHALL keep y"],
  ["WHEN z THEN the system SHALL CONTINUE TO keep z"],
);

describe("bugfix/missing-section", () => {
  it("reports each missing section", () => {
    const text = CLEAN.slice(0, CLEAN.indexOf("### Unchanged"));
    expect(findingsOf(bugfixMissingSection, { [BUGFIX]: text }).map((finding) => finding.message)).toEqual([
      'The bug analysis has no "Unchanged Behavior (Regression Prevention)" section.',
    ]);
  });

  it("accepts a bug analysis with all three sections", () => {
    expect(findingsOf(bugfixMissingSection, { [BUGFIX]: CLEAN })).toEqual([]);
  });
});

describe("bugfix/clause-group-mismatch", () => {
  it("reports a clause numbered for another section", () => {
    const text = CLEAN.replace("2.1 WHEN x", "3.1 WHEN x");
    const findings = findingsOf(bugfixClauseGroupMismatch, { [BUGFIX]: text });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/^Clause 3.1 sits under "Expected Behavior \(Correct\)"/);
  });

  it("accepts clauses numbered after their section", () => {
    expect(findingsOf(bugfixClauseGroupMismatch, { [BUGFIX]: CLEAN })).toEqual([]);
  });
});
