import { describe, expect, it } from "vitest";
import { bugfixCurrentHasShall } from "../../../src/rules/ears/bugfix-current-has-shall.js";
import { bugfixExpectedMissingShall } from "../../../src/rules/ears/bugfix-expected-missing-shall.js";
import { bugfixUnchangedMissingContinue } from "../../../src/rules/ears/bugfix-unchanged-missing-continue.js";
import { findingsOf } from "../../helpers/workspace-model.js";
import { BUGFIX, bugfixText } from "./spec-text.js";

const CLEAN = bugfixText(
  ["WHEN the user saves twice THEN the system loses the first draft"],
  ["WHEN the user saves twice THEN the system SHALL keep both drafts"],
  ["WHEN the user saves once THEN the system SHALL CONTINUE TO store the draft"],
);

function lineOf(text: string, start: string): number {
  return text.split("\n").findIndex((line) => line.startsWith(start)) + 1;
}

describe("bugfix/current-has-shall", () => {
  it("reports a SHALL in a current-behaviour clause at the word", () => {
    const text = bugfixText(["WHEN the user saves twice THEN the system SHALL lose the first draft"], [], []);
    const findings = findingsOf(bugfixCurrentHasShall, { [BUGFIX]: text });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      'Current-behaviour clause 1.1 uses SHALL, but it should describe the defect: "WHEN the user saves twice THEN the system SHALL lose the first draft".',
    );
    expect(findings[0]?.location).toMatchObject({ line: lineOf(text, "1.1 "), column: 47, endColumn: 52 });
  });

  it("accepts a defect described as it is", () => {
    expect(findingsOf(bugfixCurrentHasShall, { [BUGFIX]: CLEAN })).toEqual([]);
  });
});

describe("bugfix/expected-missing-shall", () => {
  it("reports an expected-behaviour clause without SHALL", () => {
    const text = bugfixText([], ["WHEN the user saves twice THEN both drafts are kept"], []);
    const findings = findingsOf(bugfixExpectedMissingShall, { [BUGFIX]: text });
    expect(findings.map((finding) => finding.message)).toEqual([
      'Expected-behaviour clause 2.1 has no SHALL: "WHEN the user saves twice THEN both drafts are kept".',
    ]);
    expect(findings[0]?.location).toMatchObject({ line: lineOf(text, "2.1 "), column: 1 });
  });

  it("accepts expected behaviour with SHALL", () => {
    expect(findingsOf(bugfixExpectedMissingShall, { [BUGFIX]: CLEAN })).toEqual([]);
  });
});

describe("bugfix/unchanged-missing-continue", () => {
  it("reports an unchanged-behaviour clause without SHALL CONTINUE TO, at its SHALL when it has one", () => {
    const text = bugfixText(
      [],
      [],
      ["WHEN the user saves once THEN the system SHALL store the draft", "Saving once still works"],
    );
    const findings = findingsOf(bugfixUnchangedMissingContinue, { [BUGFIX]: text });
    expect(findings.map((finding) => finding.message)).toEqual([
      'Unchanged-behaviour clause 3.1 has no SHALL CONTINUE TO: "WHEN the user saves once THEN the system SHALL store the draft".',
      'Unchanged-behaviour clause 3.2 has no SHALL CONTINUE TO: "Saving once still works".',
    ]);
    expect(findings[0]?.location).toMatchObject({ line: lineOf(text, "3.1 "), column: 46, endColumn: 51 });
    expect(findings[1]?.location).toMatchObject({ line: lineOf(text, "3.2 "), column: 1 });
  });

  it("accepts SHALL CONTINUE TO, in any case and across a line break", () => {
    const text = bugfixText([], [], ["WHEN the user saves once THEN the system shall\n   continue to store the draft"]);
    expect(findingsOf(bugfixUnchangedMissingContinue, { [BUGFIX]: CLEAN })).toEqual([]);
    expect(findingsOf(bugfixUnchangedMissingContinue, { [BUGFIX]: text })).toEqual([]);
  });
});
