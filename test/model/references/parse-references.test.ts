import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAnyReferenceList, parseReferenceList } from "../../../src/model/references/parse-references.js";

describe("parseReferenceList", () => {
  it("reads plain id lists, keeping what is not an id", () => {
    expect(parseReferenceList("1.1, 2.3")).toEqual({ ids: ["1.1", "2.3"], all: false, unrecognized: [] });
    expect(parseReferenceList(" 1.1., ,2 , 1..2")).toEqual({ ids: ["1.1", "2"], all: false, unrecognized: ["1..2"] });
    expect(parseReferenceList("")).toEqual({ ids: [], all: false, unrecognized: [] });
  });

  it("reads labels, ranges, `All` and decoration", () => {
    expect(parseReferenceList("Requirements 1.1-1.3, `2.1`")).toEqual({
      ids: ["1.1", "1.2", "1.3", "2.1"],
      all: false,
      unrecognized: [],
    });
    expect(parseReferenceList("All").all).toBe(true);
  });

  it("gives the general reader's result for lists of digits, dots, commas and spaces", () => {
    const plain = fc
      .array(fc.constantFrom("1", "2", "9", "10", ".", ",", " ", ", ", "1.2"), { maxLength: 12 })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(plain, (text) => {
        expect(parseReferenceList(text)).toEqual(parseAnyReferenceList(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the general reader's result for plain lists after a leading label", () => {
    const labelled = fc
      .tuple(
        fc.constantFrom(
          "Requirements ",
          "requirement",
          "Req ",
          "reqs:",
          " 需求 ",
          "要件",
          "요구사항 ",
          "Requirementsx ",
        ),
        fc.array(fc.constantFrom("1", "2", "10", ".", ",", " ", ", ", "1.2"), { maxLength: 10 }),
      )
      .map(([label, parts]) => label + parts.join(""));
    fc.assert(
      fc.property(labelled, (text) => {
        expect(parseReferenceList(text)).toEqual(parseAnyReferenceList(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the general reader's result for any text", () => {
    const any = fc
      .array(fc.constantFrom("1", "2.3", ".", ",", " ", "R", "a", "-", "All", "Requirements ", "`", "\t", ";"), {
        maxLength: 10,
      })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(any, (text) => {
        expect(parseReferenceList(text)).toEqual(parseAnyReferenceList(text));
      }),
      { numRuns: 1000 },
    );
  });
});
