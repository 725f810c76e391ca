import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayHaveVagueTerm } from "../../../src/rules/ears/find-vague-terms.js";
import { VAGUE_TERM_GROUPS } from "../../../src/rules/ears/vague-terms.js";

const TERMS = VAGUE_TERM_GROUPS.flatMap((group) => group.terms);

/** The plain alternation of every term that the grouped prefilter replaces. */
const PLAIN = new RegExp(
  TERMS.map((term) => term.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/ /g, "\\s+")).join("|"),
  "i",
);

// Terms, pieces of terms, other casings, whitespace variants and neighbours that are not terms.
const PIECE = fc.oneof(
  fc.constantFrom(...TERMS),
  fc.constantFrom(...TERMS).map((term) => term.toUpperCase()),
  fc.constantFrom(...TERMS).map((term) => term.replace(/ /g, "\n\t ")),
  fc
    .tuple(fc.constantFrom(...TERMS), fc.nat(), fc.nat())
    .map(([term, from, length]) => term.slice(from % term.length, (from % term.length) + (length % 5))),
  fc.constantFrom(" ", "-", "/", "_", ".", "the", "SHALL", "é", "ſ", "K", "İ"),
);

describe("mayHaveVagueTerm", () => {
  it("agrees with the plain alternation of every vague term", () => {
    fc.assert(
      fc.property(fc.array(PIECE, { maxLength: 8 }), (pieces) => {
        const text = pieces.join("");
        expect(mayHaveVagueTerm(text)).toBe(PLAIN.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("finds a term in any casing and across a line break, and nothing in a sentence without one", () => {
    expect(mayHaveVagueTerm("THE Parser SHALL respond Quickly")).toBe(true);
    expect(mayHaveVagueTerm("retry if\n  possible")).toBe(true);
    expect(mayHaveVagueTerm("THE Parser SHALL return the tree")).toBe(false);
  });
});
