import { describe, expect, it } from "vitest";
import { knownIds } from "../../../src/rules/traceability/known-ids.js";
import { SAMPLE_BUGFIX, SAMPLE_REQUIREMENTS } from "../../helpers/sample-specs.js";
import { workspaceOf } from "../../helpers/workspace-model.js";

const specOf = (files: Record<string, string>) => {
  const [spec] = workspaceOf(files).specs;
  if (!spec) throw new Error("no spec");
  return spec;
};

describe("knownIds", () => {
  it("lists a spec's criteria and requirements once, for every rule that asks", () => {
    const spec = specOf({ ".kiro/specs/a/requirements.md": SAMPLE_REQUIREMENTS });
    const first = knownIds(spec);
    expect(first?.criteria.has("1.1")).toBe(true);
    expect(first?.requirements.has("1")).toBe(true);
    expect(knownIds(spec)).toBe(first);
  });

  it("gives a copy of a spec with other documents the ids of those documents", () => {
    const spec = specOf({ ".kiro/specs/a/requirements.md": SAMPLE_REQUIREMENTS });
    const bugfix = specOf({ ".kiro/specs/a/bugfix.md": SAMPLE_BUGFIX });
    const swapped = { ...spec, requirements: undefined, bugfix: bugfix.bugfix };
    expect(knownIds(spec)).toBeDefined();
    expect(knownIds(swapped)).toEqual(knownIds(bugfix));
    expect(knownIds(swapped)).not.toEqual(knownIds(spec));
  });

  it("remembers a spec without requirements as having no ids", () => {
    const spec = specOf({ ".kiro/specs/a/tasks.md": "- [ ] 1. Task\n" });
    expect(knownIds(spec)).toBeUndefined();
    expect(knownIds(spec)).toBeUndefined();
  });
});
