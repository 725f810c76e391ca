import { describe, expect, it } from "vitest";
import { designShapeFindings } from "../../../src/engine/authoring/design-shape.js";
import { RATE_LIMITING } from "../../helpers/authoring-fixtures.js";

describe("designShapeFindings", () => {
  it("accepts the seed design", () => {
    expect(designShapeFindings(RATE_LIMITING.design, "design.md", { requireValidates: true })).toEqual([]);
  });

  it("names each missing section, a missing diagram and a property that validates nothing", () => {
    const text = [
      "# Design Document",
      "",
      "## Overview",
      "",
      "Text.",
      "",
      "## Correctness Properties",
      "",
      "### Property 1: Counting is exact",
      "",
      "*For any* request, the count goes up by one.",
      "",
    ].join("\n");
    const messages = designShapeFindings(text, "design.md", { requireValidates: true }).map(
      (finding) => finding.message,
    );
    expect(messages).toEqual([
      'The design has no "## Architecture" section.',
      'The design has no "## Components and Interfaces" section.',
      'The design has no "## Data Models" section.',
      'The design has no "## Error Handling" section.',
      'The design has no "## Testing Strategy" section.',
      "The design has no mermaid diagram.",
      "Property 1 does not say which criteria it validates.",
    ]);
    expect(designShapeFindings(text, "design.md", { requireValidates: false })).toHaveLength(6);
  });
});
