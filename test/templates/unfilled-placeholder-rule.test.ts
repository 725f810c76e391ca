import { describe, expect, it } from "vitest";
import { structureRules } from "../../src/rules/structure/index.js";
import { unfilledPlaceholder } from "../../src/rules/structure/unfilled-placeholder.js";
import { findingsOf } from "../helpers/workspace-model.js";

const REQUIREMENTS = [
  "# Requirements Document",
  "",
  "## Requirements",
  "",
  "### Requirement 1: Limits",
  "",
  "#### Acceptance Criteria",
  "",
  "1. WHEN a client exceeds the limit, THE Gateway SHALL <fill: the observable response>",
  "",
].join("\n");

describe("structure/unfilled-placeholder", () => {
  it("is one of the structure rules, a warning", () => {
    expect(structureRules).toContain(unfilledPlaceholder);
    expect(unfilledPlaceholder.severity).toBe("warning");
  });

  it("reports each placeholder of spec documents and steering files at its position, with a fix", () => {
    const findings = findingsOf(unfilledPlaceholder, {
      ".kiro/specs/limits/requirements.md": REQUIREMENTS,
      ".kiro/specs/limits/tasks.md": "# Implementation Plan\n\n- [ ] 1. <fill:>\n  - _Requirements: 1.1_\n",
      ".kiro/steering/product.md": "# Product\n\n<fill: who uses it>\n",
      ".kiro/specs/limits/notes.md": "<fill: not a spec document>\n",
    });
    expect(findings.map((finding) => [finding.file, finding.location.line, finding.location.column])).toEqual([
      [".kiro/specs/limits/requirements.md", 9, 55],
      [".kiro/specs/limits/tasks.md", 3, 10],
      [".kiro/steering/product.md", 3, 1],
    ]);
    expect(findings[0]?.message).toBe("Unfilled placeholder <fill: the observable response>.");
    expect(findings[0]?.fix).toBe("Replace the placeholder with the observable response.");
    expect(findings[1]?.fix).toBe("Replace the placeholder with the text it stands for.");
  });

  it("passes filled documents and quoted syntax", () => {
    const findings = findingsOf(unfilledPlaceholder, {
      ".kiro/specs/limits/requirements.md": REQUIREMENTS.replace("<fill: the observable response>", "reject it"),
      ".kiro/specs/limits/design.md": "# Design\n\nPlaceholders look like `<fill: hint>`.\n\n```\n<fill: x>\n```\n",
    });
    expect(findings).toEqual([]);
  });
});
