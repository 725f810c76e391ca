import { describe, expect, it } from "vitest";
import type { PhaseApproval } from "../../../src/engine/approvals/approval-state.js";
import { phaseGuidance } from "../../../src/engine/approvals/phase-guidance.js";
import type { SpecPhase } from "../../../src/engine/approvals/spec-phase.js";

function missing(phase: SpecPhase): PhaseApproval {
  return {
    phase,
    document: `${phase}.md`,
    state: "missing",
    sha256: undefined,
    approvedSha256: undefined,
    approvedAt: undefined,
  };
}

describe("phaseGuidance", () => {
  it("names the command that writes a missing document, by its place in the workflow", () => {
    const feature: SpecPhase[] = ["requirements", "design", "tasks"];
    expect(phaseGuidance("limits", missing("requirements"), feature)).toContain('`specwright new limits "<prompt>"`');
    expect(phaseGuidance("limits", missing("design"), feature)).toContain("`specwright design limits`");
    expect(phaseGuidance("limits", missing("tasks"), feature)).toContain("`specwright plan limits`");
    const designFirst: SpecPhase[] = ["design", "requirements", "tasks"];
    expect(phaseGuidance("search", missing("design"), designFirst)).toContain(
      '`specwright new search --workflow design-first "<prompt>"`',
    );
    expect(phaseGuidance("search", missing("requirements"), designFirst)).toContain("`specwright requirements search`");
    expect(phaseGuidance("crash", missing("bugfix"), ["bugfix", "design", "tasks"])).toContain(
      '`specwright new crash --type bugfix "<prompt>"`',
    );
  });

  it("asks to review and approve a document that exists", () => {
    const unapproved: PhaseApproval = { ...missing("design"), state: "stale" };
    expect(phaseGuidance("limits", unapproved, ["requirements", "design", "tasks"])).toBe(
      "Review design.md, then run `specwright approve limits design`.",
    );
  });
});
