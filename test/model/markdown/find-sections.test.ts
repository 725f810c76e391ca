import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findSections,
  type MarkdownLine,
  type MarkdownSection,
  scanMarkdown,
} from "../../../src/model/markdown/scan-markdown.js";
import { splitSourceText } from "../../../src/model/source/source-text.js";

/** The plain form the one-pass `findSections` replaces: from each heading, scan ahead to its end. */
function findSectionsByScanningAhead(lines: readonly MarkdownLine[]): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  lines.forEach((entry, headingIndex) => {
    if (entry.kind.type !== "heading") return;
    const level = entry.kind.level;
    let endIndex = headingIndex + 1;
    while (endIndex < lines.length) {
      const kind = lines[endIndex]?.kind;
      if (kind?.type === "heading" && kind.level <= level) break;
      endIndex++;
    }
    sections.push({ level, title: entry.kind.title, headingIndex, endIndex });
  });
  return sections;
}

const line = fc.oneof(
  fc.integer({ min: 1, max: 7 }).map((level) => `${"#".repeat(level)} Title ${level}`),
  fc.constantFrom("", "text", "- item", "```", "# not a heading in code?", "  indented"),
);

describe("findSections", () => {
  it("ends each section at the next heading of its level or above", () => {
    const lines = scanMarkdown(splitSourceText("# T\n## A\n### A.1\ntext\n## B\n#### B.1\n### B.2\n"));
    expect(findSections(lines).map((section) => [section.title, section.headingIndex, section.endIndex])).toEqual([
      ["T", 0, 7],
      ["A", 1, 4],
      ["A.1", 2, 4],
      ["B", 4, 7],
      ["B.1", 5, 6],
      ["B.2", 6, 7],
    ]);
  });

  it("agrees with scanning ahead from each heading", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (documentLines) => {
        const lines = scanMarkdown(splitSourceText(documentLines.join("\n")));
        expect(findSections(lines)).toEqual(findSectionsByScanningAhead(lines));
      }),
      { numRuns: 500 },
    );
  });
});
