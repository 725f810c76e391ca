import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detachedDiagnostic } from "../../../src/engine/check/detached-diagnostic.js";
import type { CheckDiagnostic } from "../../../src/rules/check-result.js";

const location = { offset: 3, endOffset: 9, line: 1, column: 4, endLine: 1, endColumn: 10 };

describe("detachedDiagnostic", () => {
  it("keeps every field, in the same order, with the same text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ unit: "grapheme" }), (document, prefix, quoted) => {
        // A message quoting a slice of a document, as rules write them.
        const text = `${prefix}${quoted}${document}`;
        const term = text.slice(prefix.length, prefix.length + quoted.length);
        const diagnostic: CheckDiagnostic = {
          rule: "ears/vague-term",
          severity: "warning",
          file: ".kiro/specs/a/requirements.md",
          location,
          message: `The term "${term}" is vague.`,
          fix: term,
        };
        const detached = detachedDiagnostic(diagnostic);
        expect(detached).toEqual(diagnostic);
        expect(Object.keys(detached)).toEqual(Object.keys(diagnostic));
        expect(JSON.stringify(detached)).toBe(JSON.stringify(diagnostic));
      }),
    );
  });

  it("leaves the original untouched and shares the location", () => {
    const diagnostic: CheckDiagnostic = {
      rule: "r",
      severity: "info",
      file: "f",
      location,
      message: "m",
      fix: "",
    };
    const detached = detachedDiagnostic(diagnostic);
    expect(detached).not.toBe(diagnostic);
    expect(detached.location).toBe(location);
    expect(detached.fix).toBe("");
  });
});
