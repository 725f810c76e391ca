import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBugfix } from "../../../src/model/bugfix/index.js";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";

const BUGFIX = [
  "# Bugfix Requirements Document",
  "",
  "## Introduction",
  "",
  "Two hooks show up when the agent stops.",
  "",
  "## Bug Analysis",
  "",
  "### Current Behavior (Defect)",
  "",
  "1.1 WHEN the agent stops THEN the system surfaces two separate hooks",
  "",
  "1.2 WHEN the user dismisses one THEN the system",
  "shows it again",
  "",
  "### Expected Behavior (Correct)",
  "",
  "2.1 WHEN the agent stops THEN the system SHALL present only one",
  "",
  "### Unchanged Behavior (Regression Prevention)",
  "",
  "3.1 WHEN a module is completed THEN the system SHALL CONTINUE TO capture progress",
  "",
  "---",
  "",
  "## Bug Condition (Formal)",
  "",
  "```pascal",
  "1.9 not a clause",
  "```",
  "",
].join("\n");

describe("parseBugfix", () => {
  const document = parseBugfix(BUGFIX);

  it("reads the three sections and their clauses", () => {
    expect(document.kind).toBe("bugfix");
    expect(document.title).toBe("Bugfix Requirements Document");
    expect(document.introduction?.title).toBe("Introduction");
    expect(
      document.sections.map((section) => [section.group, section.location.line, section.blockLocation.endLine]),
    ).toEqual([
      ["current", 9, 14],
      ["expected", 16, 18],
      ["unchanged", 20, 22],
    ]);
    expect(document.clauses.map((clause) => [clause.id, clause.group, clause.ears.pattern])).toEqual([
      ["1.1", "current", "none"],
      ["1.2", "current", "none"],
      ["2.1", "expected", "event-driven"],
      ["3.1", "unchanged", "event-driven"],
    ]);
    expect(document.clauses[1]?.text).toBe("WHEN the user dismisses one THEN the system shows it again");
    expect(document.clauses[3]?.ears.subject).toBe("system");
    expect(document.diagnostics).toEqual([]);
  });

  it("locates each clause from its number to the end of its last line", () => {
    const clause = document.clauses[1];
    expect(clause?.location).toMatchObject({ line: 13, column: 1, endLine: 14, endColumn: 15 });
    expect(BUGFIX.slice(clause?.location.offset, clause?.location.endOffset)).toBe(
      "1.2 WHEN the user dismisses one THEN the system\nshows it again",
    );
  });

  it("round-trips, CRLF and BOM included", () => {
    const text = `\uFEFF${BUGFIX.replace(/\n/g, "\r\n")}`;
    const crlf = parseBugfix(text);
    expect(serializeDocument(crlf)).toBe(text);
    expect(crlf.clauses.map((clause) => clause.id)).toEqual(["1.1", "1.2", "2.1", "3.1"]);
    const clause = crlf.clauses[2];
    expect(text.slice(clause?.location.offset, clause?.location.endOffset)).toBe(
      "2.1 WHEN the agent stops THEN the system SHALL present only one",
    );
  });

  it("numbers list items by their section", () => {
    const text =
      "### Current Behavior\n\n1. it breaks\n2. it breaks again\n\n### Expected Behavior\n\n- THE S SHALL work\n";
    const parsed = parseBugfix(text);
    expect(parsed.clauses.map((clause) => clause.id)).toEqual(["1.1", "1.2", "2.1"]);
    expect(parsed.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["bugfix/missing-section"]);
  });

  it("reports misplaced and duplicate clauses", () => {
    const text = [
      "### Current Behavior (Defect)",
      "1.1 a",
      "2.2 b",
      "### Expected Behavior (Correct)",
      "2.1 THE S SHALL a",
      "2.1 THE S SHALL b",
      "### Unchanged Behavior (Regression Prevention)",
      "3.1 THE S SHALL CONTINUE TO c",
    ].join("\n");
    expect(parseBugfix(text).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.location.line])).toEqual([
      ["bugfix/clause-group-mismatch", 3],
      ["bugfix/duplicate-clause", 6],
    ]);
  });

  it("never throws and always round-trips", () => {
    const line = fc.oneof(
      fc.constantFrom(
        "### Current Behavior (Defect)",
        "### Expected Behavior",
        "1.1 WHEN a THEN b",
        "2.1 x SHALL y",
        "- z",
        "```",
        "",
      ),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom("\n", "\r\n"), (lines, eol) => {
        const text = lines.join(eol);
        expect(serializeDocument(parseBugfix(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
