import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinSourceText, type SourceLine, splitSourceText } from "../../../src/model/source/source-text.js";

/** The plain form: the lines one by one onto an empty array, as `splitSourceText` did before it sized it. */
function plainLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let offset = text.startsWith("\uFEFF") ? 1 : 0;
  for (let number = 1; ; number++) {
    const rest = /\r\n|\r|\n/.exec(text.slice(offset));
    const end = rest ? offset + rest.index : text.length;
    const eol = (rest?.[0] ?? "") as SourceLine["eol"];
    if (eol === "" && end === offset && lines.length > 0) break;
    lines.push({ number, offset, text: text.slice(offset, end), eol });
    offset = end + eol.length;
    if (eol === "") break;
  }
  return lines;
}

describe("splitSourceText", () => {
  it("splits at every line ending and keeps a missing final one", () => {
    expect(splitSourceText("a\nb").lines.map((line) => [line.text, line.eol])).toEqual([
      ["a", "\n"],
      ["b", ""],
    ]);
    expect(splitSourceText("a\n").lines).toHaveLength(1);
    expect(splitSourceText("").lines).toEqual([{ number: 1, offset: 0, text: "", eol: "" }]);
    expect(splitSourceText("\uFEFF\n\n").lines.map((line) => line.offset)).toEqual([1, 2]);
  });

  it("gives the lines of the plain form, every one of them present, and joins back to the text", () => {
    const piece = fc.constantFrom("a", "bc", " ", "\n", "\r", "\r\n", "\n\n", "\uFEFF", "\u2028", "—");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join("");
        const source = splitSourceText(text);
        expect(source.lines).toEqual(plainLines(text));
        // A hole would be skipped by `map` and `forEach`: each index must hold its line.
        expect(Object.keys(source.lines)).toHaveLength(source.lines.length);
        expect(joinSourceText(source)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });
});
