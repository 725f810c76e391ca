import { describe, expect, it } from "vitest";
import { parseBugfix } from "../../../src/model/bugfix/parse-bugfix.js";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";

describe("bugfix.md clause numbering scope", () => {
  const text = [
    "# Bugfix Requirements Document",
    "",
    "## Bug Analysis",
    "",
    "### Current Behavior (Defect)",
    "",
    "1.1 WHEN the export runs twice THEN the system writes the file twice",
    "",
    "### Expected Behavior (Correct)",
    "",
    "2.1 WHEN the export runs twice THEN the system SHALL write the file once",
    "",
    "### Unchanged Behavior (Regression Prevention)",
    "",
    "3.1 WHEN the export runs once THEN the system SHALL CONTINUE TO write the file",
    "",
    "## Bug Condition Derivation",
    "",
    "### Preservation Property",
    "",
    "- For every input outside the bug condition the output is unchanged",
    "- The file is written with the same permissions",
    "",
  ].join("\n");
  const document = parseBugfix(text);

  it("stops at the next section: bullets under a later `##` are not clauses 3.x", () => {
    expect(document.clauses.map((clause) => clause.id)).toEqual(["1.1", "2.1", "3.1"]);
    expect(document.sections.map((section) => section.group)).toEqual(["current", "expected", "unchanged"]);
    expect(document.diagnostics).toEqual([]);
    expect(serializeDocument(document)).toBe(text);
  });
});
