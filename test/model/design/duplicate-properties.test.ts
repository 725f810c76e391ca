import { describe, expect, it } from "vitest";
import { parseDesign } from "../../../src/model/design/parse-design.js";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";

describe("duplicate correctness properties", () => {
  const text = [
    "# Design",
    "",
    "## Correctness Properties",
    "",
    "### Property 1: Totals add up",
    "",
    "*For any* cart, the total is the sum of its lines.",
    "",
    "**Validates: Requirements 1.1**",
    "",
    "### Property 2: Discounts never go negative",
    "",
    "**Validates: Requirements 1.2**",
    "",
    "## Testing Strategy",
    "",
    "### Property 1: Tax is rounded once",
    "",
    "**Validates: Requirements 2.1**",
    "",
  ].join("\n");

  it("reports a number defined twice, naming both titles", () => {
    const document = parseDesign(text);
    expect(document.properties.map((property) => property.number)).toEqual(["1", "2", "1"]);
    expect(document.diagnostics).toMatchObject([
      {
        code: "design/duplicate-property",
        location: { line: 17 },
        message:
          'Property 1 is defined twice (first on line 5 as "Totals add up", here as "Tax is rounded once"), so references to it are ambiguous.',
      },
    ]);
    expect(serializeDocument(document)).toBe(text);
  });

  it("is quiet when every number is defined once", () => {
    expect(parseDesign(text.replace("### Property 1: Tax", "### Property 3: Tax")).diagnostics).toEqual([]);
  });
});
