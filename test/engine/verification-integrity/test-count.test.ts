import { describe, expect, it } from "vitest";
import { parseTestCount } from "../../../src/engine/verification-integrity/test-count.js";

describe("parseTestCount", () => {
  it("reads node:test's TAP summary (skipped and todo tests did not run)", () => {
    const output =
      "TAP version 13\nok 1 - add\n1..4\n# tests 4\n# suites 0\n# pass 2\n# fail 1\n# cancelled 0\n# skipped 1\n# todo 0\n# duration_ms 50\n";
    expect(parseTestCount(output)).toEqual({ runner: "node:test", executed: 3, passed: 2, failed: 1, skipped: 1 });
  });

  it("reads node:test's spec reporter summary", () => {
    const output = "✔ add (0.5ms)\nℹ tests 2\nℹ suites 0\nℹ pass 2\nℹ fail 0\nℹ cancelled 0\nℹ skipped 0\nℹ todo 0\n";
    expect(parseTestCount(output)?.executed).toBe(2);
  });

  it("reads vitest's summary, colours and all", () => {
    const output =
      "\u001b[2m Test Files \u001b[22m 1 failed | 2 passed (3)\n\u001b[2m      Tests \u001b[22m 1 failed | 5 passed | 2 skipped (8)\n";
    expect(parseTestCount(output)).toEqual({ runner: "vitest", executed: 6, passed: 5, failed: 1, skipped: 2 });
  });

  it("reads jest's summary", () => {
    const output =
      "Test Suites: 1 passed, 1 total\nTests:       1 failed, 1 skipped, 2 passed, 4 total\nSnapshots:   0 total\n";
    expect(parseTestCount(output)).toEqual({ runner: "jest", executed: 3, passed: 2, failed: 1, skipped: 1 });
  });

  it("reads pytest's summary line, verbose or quiet", () => {
    expect(parseTestCount("==== 1 failed, 3 passed, 2 skipped, 1 xfailed in 0.12s ====")).toEqual({
      runner: "pytest",
      executed: 5,
      passed: 3,
      failed: 2,
      skipped: 2,
    });
    expect(parseTestCount("...\n3 passed in 0.01s\n")?.executed).toBe(3);
  });

  it("counts go test -v's top-level results, not its subtests", () => {
    const output =
      "=== RUN   TestAdd\n--- PASS: TestAdd (0.00s)\n=== RUN   TestSub\n    --- PASS: TestSub/one (0.00s)\n--- FAIL: TestSub (0.00s)\n--- SKIP: TestSlow (0.00s)\nFAIL\n";
    expect(parseTestCount(output)).toEqual({ runner: "go test", executed: 2, passed: 1, failed: 1, skipped: 1 });
  });

  it("adds up cargo test's result line of every test binary", () => {
    const output = [
      "test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s",
      "test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out",
    ].join("\n");
    expect(parseTestCount(output)).toEqual({ runner: "cargo test", executed: 5, passed: 4, failed: 1, skipped: 1 });
  });

  it("is undefined when no summary is there (go test without -v, a custom script)", () => {
    expect(parseTestCount("ok  \texample.com/calc\t0.002s\n")).toBeUndefined();
    expect(parseTestCount("all good\n")).toBeUndefined();
  });
});
