import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_RULES } from "../../src/rules/all-rules.js";
import { runRules } from "../../src/rules/run-rules.js";
import { SAMPLE_BUGFIX, SAMPLE_DESIGN, SAMPLE_REQUIREMENTS, SAMPLE_TASKS } from "../helpers/sample-specs.js";
import { workspaceOf } from "../helpers/workspace-model.js";

const SPEC = ".kiro/specs/generated";

/** A line that looks like spec content often enough to reach deep into the parsers and rules. */
const lineArbitrary = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "### Requirement 3: More",
    "#### Acceptance Criteria",
    "1. WHEN x, THE Rate_Limiter SHALL y",
    "2. THE Unknown_Thing should maybe work fast",
    "- [x] 9. Done task",
    "  - [ ]* 9.1 Optional",
    "  - _Requirements: 1.1, 7.7, All_",
    "    - **Validates: Requirements 2.1, 9.9**",
    "### Property 7: Something",
    "**Validates: Requirements 4.4**",
    "<!-- specwright-disable-next-line traceability/unknown-reference -->",
    "<!-- specwright-disable-next-line no/such-rule -->",
    "```",
    "---",
    "inclusion: fileMatch",
    'fileMatchPattern: "**/*.ts, **/*.md"',
    "#[[file:missing.md]]",
  ),
);

/** A document with random lines spliced in at random places. */
function mutated(base: string) {
  return fc.array(fc.tuple(fc.nat(), lineArbitrary), { maxLength: 8 }).chain((insertions) =>
    fc.constantFrom("\n", "\r\n").map((eol) => {
      const lines = base.split("\n");
      for (const [position, line] of insertions) lines.splice(position % (lines.length + 1), 0, line);
      return lines.join(eol);
    }),
  );
}

const workspaceArbitrary = fc.record({
  [`${SPEC}/requirements.md`]: mutated(SAMPLE_REQUIREMENTS),
  [`${SPEC}/design.md`]: mutated(SAMPLE_DESIGN),
  [`${SPEC}/tasks.md`]: mutated(SAMPLE_TASKS),
  ".kiro/specs/fix/bugfix.md": mutated(SAMPLE_BUGFIX),
  ".kiro/steering/generated.md": mutated("---\ninclusion: always\n---\n# Steering\n"),
  ".kiro/hooks/generated.kiro.hook": fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constant(
      '{"name": "x", "when": {"type": "fileEdited", "patterns": ["*.ts"]}, "then": {"type": "askAgent", "prompt": "p"}}',
    ),
  ),
});

describe("check over generated workspaces (property-based)", () => {
  it("never throws, is deterministic, and places every finding inside its file", () => {
    fc.assert(
      fc.property(workspaceArbitrary, (files) => {
        const first = runRules(workspaceOf(files), ALL_RULES);
        const second = runRules(workspaceOf(files), ALL_RULES);
        expect(second).toEqual(first);
        const texts: Record<string, string> = files;
        for (const diagnostic of first) {
          const text = texts[diagnostic.file];
          expect(text, diagnostic.file).toBeDefined();
          if (text === undefined) continue;
          const { offset, endOffset, line, column } = diagnostic.location;
          expect(offset).toBeLessThanOrEqual(endOffset);
          expect(endOffset).toBeLessThanOrEqual(text.length);
          const before = text.slice(0, offset);
          expect(before.split(/\r\n|\r|\n/).length).toBe(line);
          expect(column).toBe(offset - Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a rule setting changes only the configured rule's diagnostics", () => {
    fc.assert(
      fc.property(workspaceArbitrary, fc.constantFrom("off", "info", "error"), (files, setting) => {
        const baseline = runRules(workspaceOf(files), ALL_RULES);
        const [target] = baseline;
        if (!target) return;
        const settings = JSON.stringify({ rules: { [target.rule]: setting } });
        const configured = runRules(workspaceOf({ ...files, ".kiro/settings/specwright.json": settings }), ALL_RULES);
        const others = (list: typeof baseline) => list.filter((diagnostic) => diagnostic.rule !== target.rule);
        expect(others(configured)).toEqual(others(baseline));
        const mine = configured.filter((diagnostic) => diagnostic.rule === target.rule);
        if (setting === "off") expect(mine).toEqual([]);
        else {
          expect(mine.length).toBe(baseline.filter((diagnostic) => diagnostic.rule === target.rule).length);
          expect(mine.every((diagnostic) => diagnostic.severity === setting)).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });
});
