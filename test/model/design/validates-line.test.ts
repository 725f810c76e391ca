import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchValidatesLine } from "../../../src/model/design/validates-line.js";
import { parseReferenceList } from "../../../src/model/references/parse-references.js";

/** The prefilter the character test replaced, run on the trimmed line, and the pattern it guards. */
const VALIDATES_FIRST = /^[-*+_vr验検검]/i;
const VALIDATES =
  /^(?:[-*+]\s+)?[*_]{0,3}\s*(?:Validates(?:\s+Requirements?)?|Requirements?(?:\s+Reference)?|验证需求|验证|検証要件|検証|검증)\s*[*_]{0,3}\s*[:：]\s*(.*)$/i;

/** Where the plain form (trim, prefilter, pattern) finds a validates line. */
function plainSpan(text: string): { start: number; end: number } | undefined {
  const trimmed = text.trim();
  if (!VALIDATES_FIRST.test(trimmed) || !VALIDATES.test(trimmed)) return undefined;
  const start = text.indexOf(trimmed);
  return { start, end: start + trimmed.length };
}

function span(text: string): { start: number; end: number } | undefined {
  const found = matchValidatesLine(text);
  return found && { start: found.start, end: found.end };
}

describe("matchValidatesLine", () => {
  it("reads the validates lines Kiro writes", () => {
    expect(matchValidatesLine("  **Validates: Requirements 1.2, 1.3**")?.references.ids).toEqual(["1.2", "1.3"]);
    expect(matchValidatesLine("**验证需求：2.1**")?.references.ids).toEqual(["2.1"]);
    expect(matchValidatesLine("\u00a0\tvalidates: 3.1")?.start).toBe(2);
    expect(matchValidatesLine("For any input, the output is sorted")).toBeUndefined();
  });

  it("finds the lines the plain form finds, where it finds them", () => {
    const starts = ["", " ", "\t", "\u00a0", "\u3000", "\u2028", "\ufeff", "\n"];
    const words = [
      "-",
      "*",
      "+",
      "_",
      "v",
      "V",
      "r",
      "R",
      "验",
      "検",
      "검",
      "Validates",
      "requirements",
      "x",
      "ſ",
      "K",
    ];
    const tails = [":", "：", " 1.1", "**: 2.3", " Requirements: 1.2", "", "*"];
    fc.assert(
      fc.property(
        fc.constantFrom(...starts),
        fc.constantFrom(...words),
        fc.constantFrom(...tails),
        fc.string({ maxLength: 8 }),
        (lead, word, tail, rest) => {
          const text = `${lead}${word}${tail}${rest}`;
          expect(span(text)).toEqual(plainSpan(text));
        },
      ),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        expect(span(text)).toEqual(plainSpan(text));
      }),
    );
  });

  it("reads the references the plain form reads (every clean-up run), with or without decoration", () => {
    const plainReferences = (list: string) =>
      parseReferenceList(
        list
          .replace(/[*_]+\s*$/, "")
          .replace(/^\s*[*_]+/, "")
          .replace(/\s*[(（][^)）]*[)）]/g, "")
          .trim(),
      );
    const parts = fc.constantFrom(
      "1.1",
      " ",
      ", ",
      "Requirements ",
      "*",
      "**",
      "_",
      "(",
      ")",
      "（",
      "）",
      "x",
      "\t",
      "2",
    );
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 10 }), (pieces) => {
        const list = pieces.join("");
        const found = matchValidatesLine(`**Validates: ${list}`);
        const match = /^\*\*Validates: (.*)$/.exec(`**Validates: ${list}`);
        if (match) expect(found?.references).toEqual(plainReferences(match[1] ?? ""));
      }),
      { numRuns: 2000 },
    );
  });
});
