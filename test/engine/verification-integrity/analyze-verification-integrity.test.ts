import { describe, expect, it } from "vitest";
import {
  analyzeVerificationIntegrity,
  type IntegrityInput,
} from "../../../src/engine/verification-integrity/analyze-verification-integrity.js";
import type { ChangedFileContent } from "../../../src/engine/verification-integrity/integrity-types.js";
import { TINY_PROJECT } from "../../helpers/git-repository.js";

const TEST = TINY_PROJECT["test/calculator.test.js"] ?? "";

const count = (executed: number) => ({ runner: "node:test", executed, passed: executed, failed: 0, skipped: 0 });

function analyze(changes: readonly ChangedFileContent[], extra: Partial<IntegrityInput> = {}) {
  return analyzeVerificationIntegrity({
    baseline: {
      command: "node --test",
      source: "settings",
      testFiles: [{ path: "test/calculator.test.js", object: "abc" }],
      configurationFiles: [],
      testCount: count(1),
    },
    changes,
    testCountAfter: count(1),
    ...extra,
  });
}

const codes = (report: ReturnType<typeof analyze>) => report.findings.map((finding) => finding.code);
const modified = (path: string, before: string, after: string): ChangedFileContent => ({
  path,
  kind: "modified",
  before,
  after,
});

describe("analyzeVerificationIntegrity", () => {
  it("finds nothing in an honest change: new code and a new test", () => {
    const report = analyze(
      [
        modified("src/calculator.js", "a", "b"),
        { path: "test/subtract.test.js", kind: "added", after: TEST.replace("add", "subtract") },
        modified(
          "test/calculator.test.js",
          TEST,
          `${TEST}test("add zero", () => {\n  assert.equal(add(2, 0), 2);\n});\n`,
        ),
      ],
      { testable: true, testCountAfter: count(3) },
    );
    expect(report.findings).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report).toMatchObject({ testCountBefore: 1, testCountAfter: 3 });
  });

  it("reports a deleted pre-existing test file", () => {
    const report = analyze([{ path: "test/calculator.test.js", kind: "deleted", before: TEST }]);
    expect(report.findings).toEqual([
      {
        code: "test-deleted",
        path: "test/calculator.test.js",
        message: "The test file test/calculator.test.js was deleted.",
      },
    ]);
  });

  it.each([
    ['test.skip("add", () => {', "replace"],
    ['it.todo("add", () => {', "replace"],
    ['xit("add", () => {', "replace"],
    ['test("add", { skip: true }, () => {', "replace"],
    ["@pytest.mark.skip(reason='later')", "insert"],
    ['    t.Skip("later")', "insert"],
    ["#[ignore]", "insert"],
  ])("reports a skipped test: %s", (line, how) => {
    const declaration = 'test("add", () => {';
    const after = TEST.replace(declaration, how === "replace" ? line : `${line}\n${declaration}`);
    const report = analyze([modified("test/calculator.test.js", TEST, after)]);
    expect(codes(report)).toEqual(["test-skipped"]);
    expect(report.findings[0]?.message).toContain(line.trim());
  });

  it("reports an assertion changed to match wrong code, naming the old line", () => {
    const report = analyze([modified("test/calculator.test.js", TEST, TEST.replace("add(2, 3), 5", "add(2, 3), 6"))]);
    expect(report.findings).toEqual([
      expect.objectContaining({
        code: "assertion-changed",
        path: "test/calculator.test.js",
        message: expect.stringContaining("assert.equal(add(2, 3), 5);"),
      }),
    ]);
  });

  it("reports a test renamed away", () => {
    const report = analyze([modified("test/calculator.test.js", TEST, TEST.replace('test("add"', 'test("anything"'))]);
    expect(codes(report)).toEqual(["test-removed"]);
  });

  it("does not count an import line as an assertion", () => {
    const after = TEST.replace(
      'import assert from "node:assert/strict";',
      'import assert, { ok } from "node:assert/strict";',
    );
    expect(analyze([modified("test/calculator.test.js", TEST, after)]).findings).toEqual([]);
  });

  it("reports a test file replaced by an early exit", () => {
    const report = analyze([modified("test/calculator.test.js", TEST, "process.exit(0);\n")]);
    expect(codes(report)).toEqual(expect.arrayContaining(["early-exit", "assertion-changed", "test-removed"]));
  });

  it("reports an early exit in a new test file too", () => {
    const report = analyze([{ path: "test/zz.test.js", kind: "added", after: "process.exit(0)\n" }]);
    expect(codes(report)).toEqual(["early-exit"]);
  });

  it("reports a changed test script but not a dependency added to package.json", () => {
    const manifest = (test: string, extra = {}) => JSON.stringify({ name: "tiny", scripts: { test }, ...extra });
    const weakened = analyze([modified("package.json", manifest("node --test"), manifest("exit 0"))]);
    expect(weakened.findings).toEqual([
      expect.objectContaining({ code: "test-configuration-changed", message: expect.stringContaining("exit 0") }),
    ]);
    const dependency = analyze([
      modified("package.json", manifest("node --test"), manifest("node --test", { dependencies: { zod: "4" } })),
    ]);
    expect(dependency.findings).toEqual([]);
  });

  it("reports a new or changed runner configuration and pytest section", () => {
    expect(codes(analyze([{ path: "vitest.config.ts", kind: "added", after: "export default {}" }]))).toEqual([
      "test-configuration-changed",
    ]);
    const pyproject = (addopts: string) =>
      `[project]\nname = "x"\n\n[tool.pytest.ini_options]\naddopts = "${addopts}"\n`;
    expect(codes(analyze([modified("pyproject.toml", pyproject("-q"), pyproject("-q -k nothing"))]))).toEqual([
      "test-configuration-changed",
    ]);
    expect(
      analyze([modified("pyproject.toml", pyproject("-q"), `${pyproject("-q")}\n[tool.ruff]\n`)]).findings,
    ).toEqual([]);
  });

  it("reports a change to the settings, steering or hooks as one to review", () => {
    const report = analyze(
      [
        modified(".kiro/settings/specwright.json", "{}", '{"verify":{"command":"true"}}'),
        { path: ".kiro/steering/tech.md", kind: "added", after: "x" },
        { path: ".kiro/hooks/a.kiro.hook", kind: "deleted", before: "{}" },
      ],
      { prefix: "" },
    );
    expect(codes(report)).toEqual(["run-control-changed", "run-control-changed", "run-control-changed"]);
    expect(report.findings[0]?.message).toContain("Specwright's settings");
  });

  it("reports fewer tests run than before, and leaves an unknown count alone", () => {
    expect(codes(analyze([], { testCountAfter: count(0) }))).toEqual(["test-count-lowered"]);
    expect(analyze([], { testCountAfter: undefined }).findings).toEqual([]);
  });

  it("reports .git metadata the task changed", () => {
    expect(codes(analyze([], { gitMetadataChanged: [".git/config"] }))).toEqual(["git-metadata-changed"]);
  });

  it("warns when a testable task adds no test", () => {
    expect(analyze([modified("src/calculator.js", "a", "b")], { testable: true }).warnings).toHaveLength(1);
    expect(analyze([modified("src/calculator.js", "a", "b")], { testable: false }).warnings).toEqual([]);
  });

  it("treats a Rust source file with #[test] as a test file", () => {
    const before = "fn add() {}\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn adds() { assert_eq!(2, 2); }\n}\n";
    const report = analyze([
      modified("src/lib.rs", before, before.replace("assert_eq!(2, 2)", "assert_eq!(2, 2 + 0)")),
    ]);
    expect(codes(report)).toEqual(["assertion-changed"]);
  });
});
