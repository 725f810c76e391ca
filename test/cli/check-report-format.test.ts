import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkExitCode, checkJsonDocument, checkText } from "../../src/cli/check-report-format.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "../../src/cli/exit-codes.js";
import type { CheckDiagnostic } from "../../src/rules/check-result.js";
import { summarize } from "../../src/rules/check-result.js";
import { defineRule } from "../../src/rules/rule.js";
import { toSarif } from "../../src/rules/sarif.js";

const PLAIN = { color: false, interactive: false, width: 80 };
const RULES = ["ears/vague-term", "traceability/unknown-reference", "hooks/json-syntax"];

const diagnosticArbitrary: fc.Arbitrary<CheckDiagnostic> = fc
  .record({
    rule: fc.constantFrom(...RULES),
    severity: fc.constantFrom("error" as const, "warning" as const, "info" as const),
    file: fc.constantFrom(".kiro/specs/a/tasks.md", ".kiro/steering/ü space.md", ".kiro/hooks/x.kiro.hook"),
    line: fc.integer({ min: 1, max: 500 }),
    column: fc.integer({ min: 1, max: 120 }),
    width: fc.nat({ max: 40 }),
    message: fc.string({ minLength: 1, maxLength: 40 }).map((text) => text.replace(/[\r\n]/g, " ")),
    fix: fc.string({ minLength: 1, maxLength: 40 }).map((text) => text.replace(/[\r\n]/g, " ")),
  })
  .map(({ line, column, width, ...rest }) => ({
    ...rest,
    location: { offset: 0, endOffset: width, line, column, endLine: line, endColumn: column + width },
  }));

const rules = RULES.map((id) =>
  defineRule({
    id,
    family: "structure",
    severity: "warning",
    summary: `${id} summary`,
    fix: "fix it",
    check: () => [],
  }),
);

describe("check renderings (property-based)", () => {
  it("text, JSON and SARIF report the same findings at the same places", () => {
    fc.assert(
      fc.property(fc.array(diagnosticArbitrary, { maxLength: 20 }), (diagnostics) => {
        const summary = summarize(diagnostics, { files: 3, specs: 1 });
        const json = checkJsonDocument("/repo", diagnostics, summary);
        const sarif = toSarif(diagnostics, rules, "0.0.0");
        const text = checkText(diagnostics, summary, PLAIN);
        const [run] = sarif.runs;
        expect(json.diagnostics).toHaveLength(diagnostics.length);
        expect(run?.results).toHaveLength(diagnostics.length);
        diagnostics.forEach((diagnostic, index) => {
          const where = `${diagnostic.file}:${diagnostic.location.line}:${diagnostic.location.column}`;
          expect(text).toContain(
            `${where}  ${diagnostic.severity.padEnd(7)}  ${diagnostic.rule}  ${diagnostic.message}\n`,
          );
          expect(json.diagnostics[index]).toMatchObject({
            file: diagnostic.file,
            line: diagnostic.location.line,
            column: diagnostic.location.column,
            rule: diagnostic.rule,
            severity: diagnostic.severity,
          });
          const result = run?.results[index];
          expect(result?.ruleId).toBe(diagnostic.rule);
          expect(result?.level).toBe(diagnostic.severity === "info" ? "note" : diagnostic.severity);
          expect(result?.locations[0]?.physicalLocation.region).toMatchObject({
            startLine: diagnostic.location.line,
            startColumn: diagnostic.location.column,
          });
          expect(decodeURI(result?.locations[0]?.physicalLocation.artifactLocation.uri ?? "")).toBe(diagnostic.file);
        });
        expect(text.trimEnd().split("\n").at(-1)).toMatch(
          new RegExp(`^[✔✖] ${summary.errors} errors?, ${summary.warnings} warnings?, ${summary.infos} infos?`),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("the exit code follows from the summary alone", () => {
    fc.assert(
      fc.property(fc.array(diagnosticArbitrary, { maxLength: 12 }), fc.boolean(), (diagnostics, strict) => {
        const summary = summarize(diagnostics, { files: 1, specs: 1 });
        const failing = diagnostics.some(
          (diagnostic) => diagnostic.severity === "error" || (strict && diagnostic.severity === "warning"),
        );
        expect(checkExitCode(summary, strict)).toBe(failing ? EXIT_FINDINGS : EXIT_SUCCESS);
      }),
      { numRuns: 200 },
    );
  });
});
