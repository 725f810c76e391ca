import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readAtxHeading } from "../../../src/model/markdown/atx-heading.js";
import { readListItemLine } from "../../../src/model/markdown/list-item-line.js";
import { scanMarkdown } from "../../../src/model/markdown/scan-markdown.js";
import { splitSourceText } from "../../../src/model/source/source-text.js";

const pieces = ["#", "# ", "## Title", "- ", "1. ", "* ", "[ ] ", "text", " ", "\t", "\u2028", "\u2029", "#", "x"];

describe("scanMarkdown", () => {
  it("reads a heading or list item holding U+2028 or U+2029 as text, as the regexes do", () => {
    const kinds = scanMarkdown(splitSourceText("# Title\u2028more\n- item\u2029more\n# Title\n- item\n")).map(
      (entry) => entry.kind.type,
    );
    expect(kinds).toEqual(["text", "text", "heading", "list-item"]);
  });

  it("gives every text line its own indent, shared kinds or not", () => {
    const text = Array.from({ length: 24 }, (_, indent) => `${" ".repeat(indent)}prose`).join("\n");
    const kinds = scanMarkdown(splitSourceText(text)).map((entry) => entry.kind);
    expect(kinds).toEqual(Array.from({ length: 24 }, (_, indent) => ({ type: "text", indent })));
  });

  it("reads a line without a terminator the same whether or not the search is spared", () => {
    const withoutTerminators = fc
      .array(fc.constantFrom(...pieces), { maxLength: 8 })
      .map((parts) => parts.join("").replace(/[\u2028\u2029]/g, ""));
    fc.assert(
      fc.property(withoutTerminators, (text) => {
        expect(readAtxHeading(text, false)).toEqual(readAtxHeading(text));
        expect(readListItemLine(text, false)).toEqual(readListItemLine(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("classifies documents with and without line separators as each line alone would be", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), { maxLength: 12 }), (rows) => {
        const lines = rows.map((parts) => parts.join(""));
        const scanned = scanMarkdown(splitSourceText(lines.join("\n")));
        for (const entry of scanned) {
          const alone = scanMarkdown(splitSourceText(entry.line.text))[0];
          if (entry.kind.type === "heading" || entry.kind.type === "list-item" || entry.kind.type === "text") {
            expect(entry.kind).toEqual(alone?.kind);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("gives one entry per line, front matter included, with no index left empty", () => {
    const text = "---\ntitle: a\n---\n# Title\n\n- item\n```\ncode\n```\n";
    const scanned = scanMarkdown(splitSourceText(text), { frontMatter: true });
    expect(scanned.map((entry) => entry.kind.type)).toEqual([
      "front-matter",
      "front-matter",
      "front-matter",
      "heading",
      "blank",
      "list-item",
      "fence",
      "code",
      "fence",
    ]);
    expect(Object.keys(scanned)).toHaveLength(scanned.length);
  });
});
