import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTraceMatrix, coveredCriterionIds } from "../../../src/rules/traceability/trace-matrix.js";
import { SAMPLE_BUGFIX, SAMPLE_REQUIREMENTS } from "../../helpers/sample-specs.js";
import { workspaceOf } from "../../helpers/workspace-model.js";

const specOf = (files: Record<string, string>) => {
  const [spec] = workspaceOf(files).specs;
  if (!spec) throw new Error("no spec");
  return spec;
};

/** The criteria the matrix counts as covered: what `coveredCriterionIds` must give without the rows. */
const coveredRows = (spec: ReturnType<typeof specOf>) =>
  new Set(
    buildTraceMatrix(spec)
      .rows.filter((row) => row.tasks.length > 0)
      .map((row) => row.criterion),
  );

// Existing and missing criteria, whole requirements, prefixed ids, `All`, ranges and bugfix clause ids.
const REFERENCE = fc.constantFrom("1.1", "1.2", "2.1", "2.2", "1", "2", "3", "R1.2", "R2", "All", "1.1-1.2", "3.1");

const tasksWith = (lines: readonly (readonly string[])[]) =>
  lines
    .map((references, index) =>
      references.length === 0
        ? `- [ ] ${index + 1}. Task ${index + 1}\n`
        : `- [ ] ${index + 1}. Task ${index + 1}\n  - _Requirements: ${references.join(", ")}_\n`,
    )
    .join("");

describe("coveredCriterionIds", () => {
  it("names the criteria some task covers and leaves out the others", () => {
    const tasks = "- [ ] 1. Count\n  - _Requirements: 1.2, 9.9_\n- [ ] 2. Reject\n  - _Requirements: 2_\n";
    const spec = specOf({ ".kiro/specs/a/requirements.md": SAMPLE_REQUIREMENTS, ".kiro/specs/a/tasks.md": tasks });
    expect([...coveredCriterionIds(spec)].sort()).toEqual(["1.2", "2.1"]);
  });

  it("agrees with the covered rows of the trace matrix on requirements and on bugfix clauses", () => {
    fc.assert(
      fc.property(fc.array(fc.array(REFERENCE, { maxLength: 4 }), { maxLength: 5 }), fc.boolean(), (lines, bugfix) => {
        const spec = specOf({
          [bugfix ? ".kiro/specs/a/bugfix.md" : ".kiro/specs/a/requirements.md"]: bugfix
            ? SAMPLE_BUGFIX
            : SAMPLE_REQUIREMENTS,
          ".kiro/specs/a/tasks.md": tasksWith(lines),
        });
        expect(coveredCriterionIds(spec)).toEqual(coveredRows(spec));
      }),
      { numRuns: 200 },
    );
  });
});
