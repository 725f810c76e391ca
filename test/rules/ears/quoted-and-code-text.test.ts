import { describe, expect, it } from "vitest";
import { bugfixCurrentHasShall } from "../../../src/rules/ears/bugfix-current-has-shall.js";
import { multipleResponses } from "../../../src/rules/ears/multiple-responses.js";
import { noPattern } from "../../../src/rules/ears/no-pattern.js";
import { undefinedSubject } from "../../../src/rules/ears/undefined-subject.js";
import { findingsOf } from "../../helpers/workspace-model.js";
import { BUGFIX, bugfixText, REQUIREMENTS, requirementsText } from "./spec-text.js";

describe("a lowercase shall inside a quoted example", () => {
  it("is not a SHALL of a current-behaviour clause", () => {
    const quoted = bugfixText(
      ['WHEN the banner loads THEN the system shows "Users shall not pass" in the header'],
      ["WHEN the banner loads THEN the system SHALL show the welcome text"],
      ["WHEN the page loads THEN the system SHALL CONTINUE TO show the menu"],
    );
    expect(findingsOf(bugfixCurrentHasShall, { [BUGFIX]: quoted })).toEqual([]);
    const real = quoted.replace('shows "Users shall not pass"', "SHALL show the banner");
    expect(findingsOf(bugfixCurrentHasShall, { [BUGFIX]: real })).toHaveLength(1);
  });
});

describe("code as the subject", () => {
  const glossary = ["Config_Loader"];
  it("does not ask the Glossary to define a constant or a file path", () => {
    const text = requirementsText(
      [
        "THE VALID_CATEGORIES list SHALL hold every category.",
        "THE src/config_loader.py module SHALL read the file.",
        "THE Config_Loader SHALL cache the result.",
      ],
      glossary,
    );
    expect(findingsOf(undefinedSubject, { [REQUIREMENTS]: text })).toEqual([]);
  });

  it("still reports a component name missing from the Glossary", () => {
    const text = requirementsText(["THE Cache_Store SHALL keep entries."], glossary);
    expect(findingsOf(undefinedSubject, { [REQUIREMENTS]: text })).toHaveLength(1);
  });
});

describe("SHALL state that IF …", () => {
  const text = requirementsText(
    [
      "THE Setup_Guide SHALL state that IF the API key is missing, THE App SHALL refuse to start.",
      "THE Error_Page SHALL say that WHEN the session expires THE User SHALL sign in again.",
    ],
    ["Setup_Guide", "Error_Page", "App", "User"],
  );

  it("is one response quoting a condition, not two responses or a misplaced clause", () => {
    expect(findingsOf(multipleResponses, { [REQUIREMENTS]: text })).toEqual([]);
    expect(findingsOf(noPattern, { [REQUIREMENTS]: text })).toEqual([]);
  });

  it("leaves two real responses reported", () => {
    const two = requirementsText(["THE App SHALL save the draft and SHALL notify the user."]);
    expect(findingsOf(multipleResponses, { [REQUIREMENTS]: two })).toHaveLength(1);
    const late = requirementsText(["THE App SHALL save the draft IF the user is signed in."]);
    expect(findingsOf(noPattern, { [REQUIREMENTS]: late })).toHaveLength(1);
  });
});

describe("message grammar", () => {
  it('says "an IF clause" and "a WHEN clause"', () => {
    const text = requirementsText(["THE App SHALL save IF asked.", "THE App SHALL save WHEN asked."]);
    const messages = findingsOf(noPattern, { [REQUIREMENTS]: text }).map((finding) => finding.message);
    expect(messages[0]).toContain("puts an IF clause after SHALL");
    expect(messages[1]).toContain("puts a WHEN clause after SHALL");
  });
});
