import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import { parseRequirements } from "../../../src/model/requirements/index.js";
import type { SourceLocation } from "../../../src/model/source/source-location.js";
import { createOffsetLocator, splitSourceText } from "../../../src/model/source/source-text.js";

/** Lines that look like requirements.md, so the generated documents exercise the parser's branches. */
const markdownLine = fc.oneof(
  fc.constantFrom(
    "# Requirements Document",
    "## Introduction",
    "## Glossary",
    "- **Issue_Manager**: the system",
    "| Term | Meaning |",
    "|---|---|",
    "| X | y |",
    "## Requirements",
    "### Requirement 1: Title",
    "### Requirement 1",
    "### Requirement R0:",
    "### 需求 2：标题",
    "### US-01 — Item",
    "**User Story:** As a user, I want x, so that y",
    "#### Acceptance Criteria",
    "**Acceptance Criteria:**",
    "1. WHEN a, THE S SHALL b",
    "2. IF a THEN the system SHALL b",
    "1.1. THE S SHALL c",
    "2.1 WHILE x THE S SHALL y",
    "- THE S SHALL z",
    "   continuation",
    "   - nested",
    "```",
    "---",
    "",
  ),
  fc.string({ maxLength: 30 }),
);
const lineEnding = fc.constantFrom("\n", "\r\n", "\r");
const markdownDocument = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(markdownLine, lineEnding), { maxLength: 40 }))
  .map(([bom, lines]) => (bom ? "\uFEFF" : "") + lines.map(([line, eol]) => line + eol).join(""));

function expectValidLocation(text: string, location: SourceLocation): void {
  const locate = createOffsetLocator(splitSourceText(text));
  expect(location.offset).toBeGreaterThanOrEqual(0);
  expect(location.endOffset).toBeGreaterThanOrEqual(location.offset);
  expect(location.endOffset).toBeLessThanOrEqual(text.length);
  const expected = locate(location.offset, location.endOffset);
  expect([location.line, location.column, location.endLine, location.endColumn]).toEqual([
    expected.line,
    expected.column,
    expected.endLine,
    expected.endColumn,
  ]);
}

function allLocations(text: string): SourceLocation[] {
  const document = parseRequirements(text);
  return [
    ...document.diagnostics.map((diagnostic) => diagnostic.location),
    ...document.glossary.map((term) => term.location),
    ...(document.introduction ? [document.introduction.location] : []),
    ...document.requirements.flatMap((requirement) => [
      requirement.location,
      requirement.blockLocation,
      ...(requirement.userStory ? [requirement.userStory.location] : []),
      ...requirement.criteria.map((criterion) => criterion.location),
    ]),
  ];
}

describe("parseRequirements on generated input", () => {
  it("never throws and round-trips arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", maxLength: 300 }), (text) => {
        expect(serializeDocument(parseRequirements(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips markdown-like documents and keeps every location consistent", () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        expect(serializeDocument(parseRequirements(text))).toBe(text);
        for (const location of allLocations(text)) expectValidLocation(text, location);
      }),
      { numRuns: 500 },
    );
  });
});
