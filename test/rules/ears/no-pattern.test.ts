import { describe, expect, it } from "vitest";
import { noPattern } from "../../../src/rules/ears/no-pattern.js";
import { findingsOf } from "../../helpers/workspace-model.js";
import { criterionLine, REQUIREMENTS, requirementsText } from "./spec-text.js";

describe("ears/no-pattern", () => {
  it("reports a precondition written after the response, at its keyword", () => {
    const text = requirementsText(["THE Editor SHALL store the draft WHEN the user saves"]);
    const findings = findingsOf(noPattern, { [REQUIREMENTS]: text });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      'Criterion 1.1 puts a WHEN clause after SHALL, where EARS expects only the response: "THE Editor SHALL store the draft WHEN the user saves".',
    );
    expect(findings[0]?.location).toMatchObject({ line: criterionLine(text, 1), column: 37, endColumn: 41 });
  });

  it("reports a SHALL with no system before it", () => {
    const text = requirementsText(["SHALL store the draft"]);
    const [finding] = findingsOf(noPattern, { [REQUIREMENTS]: text });
    expect(finding?.message).toBe('Criterion 1.1 names no system before SHALL: "SHALL store the draft".');
    expect(finding?.location).toMatchObject({ column: 4, endColumn: 9 });
  });

  it("reports a precondition with no system between it and SHALL", () => {
    const text = requirementsText(["WHEN user saves SHALL store the draft"]);
    const [finding] = findingsOf(noPattern, { [REQUIREMENTS]: text });
    expect(finding?.message).toMatch(/^Criterion 1.1 has no `THE <System>` between its WHEN clause and SHALL/);
  });

  it("accepts every EARS pattern, both Kiro generations, lower-case prose after SHALL and mixed languages", () => {
    const text = requirementsText([
      "THE Editor SHALL store drafts",
      "WHEN the user saves, THE Editor SHALL store the draft",
      "WHEN the user saves THEN the system SHALL store the draft",
      "IF the disk is full, THEN THE Editor SHALL show an error",
      "WHILE offline, THE Editor SHALL queue saves",
      "WHERE sync is enabled, THE Editor SHALL upload drafts",
      "WHILE offline, WHEN the user saves, THE Editor SHALL queue the draft",
      "THE Editor SHALL show a warning when the draft is older than a day",
      "WHEN 用户点击保存 THEN THE System SHALL 保存草稿",
      "THE Editor SHALL store the draft; IF that fails, THE Editor SHALL retry",
    ]);
    expect(findingsOf(noPattern, { [REQUIREMENTS]: text })).toEqual([]);
  });
});
