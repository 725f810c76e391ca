import { describe, expect, it } from "vitest";
import { undefinedSubject } from "../../../src/rules/ears/undefined-subject.js";
import { findingsOf } from "../../helpers/workspace-model.js";
import { criterionLine, REQUIREMENTS, requirementsText } from "./spec-text.js";

describe("ears/undefined-subject", () => {
  it("reports a Snake_Case subject missing from the Glossary once, at its first use, with a suggestion", () => {
    const text = requirementsText(
      [
        "WHEN the user saves, THE Draft_Store SHALL keep the draft",
        "THE Draft_Manger SHALL list drafts",
        "THE Draft_Manger SHALL delete old drafts",
      ],
      ["Draft_Store", "Draft_Manager"],
    );
    const findings = findingsOf(undefinedSubject, { [REQUIREMENTS]: text });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      'Criterion 1.2: the subject "Draft_Manger" (the subject of 2 criteria) is not defined in the Glossary.',
    );
    expect(findings[0]?.fix).toBe('Use the Glossary\'s name "Draft_Manager", or add "Draft_Manger" to the Glossary.');
    expect(findings[0]?.location).toMatchObject({ line: criterionLine(text, 2), column: 8, endColumn: 20 });
  });

  it("matches case-insensitively, with spaces for underscores, plurals and a leading article", () => {
    const text = requirementsText(
      [
        "THE draft_store SHALL keep drafts",
        "THE Sync_Services SHALL upload drafts",
        "WHEN offline, the Issue_Manager SHALL queue saves",
      ],
      ["Draft_Store", "Sync_Service", "Issue Manager"],
    );
    expect(findingsOf(undefinedSubject, { [REQUIREMENTS]: text })).toEqual([]);
  });

  it("checks nothing in a document without a Glossary, nor names in code spans", () => {
    const withoutGlossary = requirementsText(["THE Draft_Store SHALL keep drafts"]);
    expect(findingsOf(undefinedSubject, { [REQUIREMENTS]: withoutGlossary })).toEqual([]);
    const codeSubject = requirementsText(["THE `Draft_Cache` SHALL expire entries"], ["Draft_Store"]);
    expect(findingsOf(undefinedSubject, { [REQUIREMENTS]: codeSubject })).toEqual([]);
  });
});
