import { describe, expect, it } from "vitest";
import { multipleResponses } from "../../../src/rules/ears/multiple-responses.js";
import { findingsOf } from "../../helpers/workspace-model.js";
import { criterionLine, REQUIREMENTS, requirementsText } from "./spec-text.js";

describe("ears/multiple-responses", () => {
  it("reports a second SHALL at its position", () => {
    const text = requirementsText(["WHEN the user saves, THE Editor SHALL store the draft and SHALL notify the user"]);
    const findings = findingsOf(multipleResponses, { [REQUIREMENTS]: text });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      'Criterion 1.1 has 2 SHALLs, so it states more than one response: "WHEN the user saves, THE Editor SHALL store the draft and SHALL notify the user".',
    );
    expect(findings[0]?.location).toMatchObject({ line: criterionLine(text, 1), column: 62, endColumn: 67 });
  });

  it("reports two sentences in one criterion", () => {
    const text = requirementsText(["THE Editor SHALL store drafts; THE Sync_Service SHALL upload them"]);
    expect(findingsOf(multipleResponses, { [REQUIREMENTS]: text })).toHaveLength(1);
  });

  it("accepts compound objects, a negative boundary beside one response, and a quoted shall", () => {
    const text = requirementsText([
      "THE Editor SHALL validate the title and the body, and store both",
      "WHEN a draft is deleted, THE Editor SHALL mark it deleted and SHALL NOT remove it from disk",
      'THE Editor SHALL show "you shall not pass" to intruders',
    ]);
    expect(findingsOf(multipleResponses, { [REQUIREMENTS]: text })).toEqual([]);
  });
});
