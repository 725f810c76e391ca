import { describe, expect, it } from "vitest";
import { eachCriterion } from "../../../src/rules/ears/each-criterion.js";
import { workspaceOf } from "../../helpers/workspace-model.js";

const REQUIREMENTS = `# Requirements Document

## Requirements

### Requirement 1: One

#### Acceptance Criteria

1. WHEN a request arrives, THE Limiter SHALL count it
2. THE Limiter SHALL reject excess

### Requirement 2: Two

#### Acceptance Criteria

1. THE Limiter SHALL reset counters
`;

describe("eachCriterion", () => {
  it("lists every criterion in file order, once per workspace model", () => {
    const workspace = workspaceOf({
      ".kiro/specs/b/requirements.md": REQUIREMENTS,
      ".kiro/specs/a/requirements.md": REQUIREMENTS,
    });
    const listed = eachCriterion(workspace);
    const plain = workspace.specs.flatMap((spec) =>
      (spec.requirements?.document.requirements ?? []).flatMap((requirement) =>
        requirement.criteria.map((criterion) => ({ file: spec.requirements?.path, requirement, criterion })),
      ),
    );
    expect(listed.map(({ file, requirement, criterion }) => ({ file, requirement, criterion }))).toEqual(plain);
    expect(listed.map((entry) => entry.criterion.id)).toEqual(["1.1", "1.2", "2.1", "1.1", "1.2", "2.1"]);
    expect(eachCriterion(workspace)).toBe(listed);
  });

  it("lists another model's criteria, not the last one's, and again when a model comes back", () => {
    const first = workspaceOf({ ".kiro/specs/a/requirements.md": REQUIREMENTS });
    const second = workspaceOf({
      ".kiro/specs/b/requirements.md": REQUIREMENTS.replace(/### Requirement 2[\s\S]*$/, ""),
    });
    expect(eachCriterion(first).map((entry) => `${entry.file} ${entry.criterion.id}`)).toEqual([
      ".kiro/specs/a/requirements.md 1.1",
      ".kiro/specs/a/requirements.md 1.2",
      ".kiro/specs/a/requirements.md 2.1",
    ]);
    expect(eachCriterion(second).map((entry) => `${entry.file} ${entry.criterion.id}`)).toEqual([
      ".kiro/specs/b/requirements.md 1.1",
      ".kiro/specs/b/requirements.md 1.2",
    ]);
    expect(eachCriterion(first)).toHaveLength(3);
  });
});
