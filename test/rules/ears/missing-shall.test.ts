import { describe, expect, it } from "vitest";
import { missingShall } from "../../../src/rules/ears/missing-shall.js";
import { findingsOf } from "../../helpers/workspace-model.js";
import { criterionLine, REQUIREMENTS, requirementsText } from "./spec-text.js";

describe("ears/missing-shall", () => {
  it("reports a criterion without SHALL at the modal verb it uses instead", () => {
    const text = requirementsText([
      "WHEN the user saves, THE Editor SHALL store the draft",
      "WHEN the user closes the tab, THE Editor must keep the draft",
    ]);
    const findings = findingsOf(missingShall, { [REQUIREMENTS]: text });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      'Criterion 1.2 has no SHALL: "WHEN the user closes the tab, THE Editor must keep the draft".',
    );
    expect(findings[0]?.fix).toContain('Replace "must" with SHALL');
    expect(findings[0]?.location).toMatchObject({ line: criterionLine(text, 2), column: 45, endColumn: 49 });
  });

  it("reports the whole criterion when there is no verb to replace", () => {
    const text = requirementsText(["THE Editor SHALL store drafts", "Drafts are kept for 30 days"]);
    const [finding] = findingsOf(missingShall, { [REQUIREMENTS]: text });
    expect(finding?.location).toMatchObject({ line: criterionLine(text, 2), column: 1, endColumn: 31 });
  });

  it("reports a file that never uses SHALL once", () => {
    const text = requirementsText(["Drafts are kept", "Drafts are listed", "Drafts can be deleted"]);
    const findings = findingsOf(missingShall, { [REQUIREMENTS]: text });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/^None of the 3 acceptance criteria in this file uses SHALL/);
  });

  it("accepts criteria with SHALL in any case, localized criteria and template placeholders", () => {
    const text = requirementsText([
      "WHEN the user saves, THE Editor SHALL store the draft",
      "The editor shall list drafts",
      "当用户点击保存时，系统应当保存草稿",
      "[Condition 1]",
    ]);
    expect(findingsOf(missingShall, { [REQUIREMENTS]: text })).toEqual([]);
  });
});
