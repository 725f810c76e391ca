import { describe, expect, it } from "vitest";
import { classifyEars, type EarsPattern } from "../../../src/model/ears/index.js";
import { corpusFiles } from "../../helpers/corpus.js";

/** Criterion lines of every corpus requirements.md, found without the requirements parser. */
function corpusCriterionLines(): string[] {
  const lines: string[] = [];
  for (const file of corpusFiles("requirements.md")) {
    let inCriteria = false;
    for (const line of file.text.split(/\r?\n/)) {
      if (/^#{1,6}\s/.test(line)) inCriteria = /acceptance criteria|验收标准|受入基準|受け入れ基準/i.test(line);
      else if (inCriteria && /^\d+(?:\.\d+)*\.?\s/.test(line)) lines.push(line);
    }
  }
  return lines;
}

describe("classifyEars on the corpus", () => {
  const lines = corpusCriterionLines();
  const withShall = lines.filter((line) => /shall/i.test(line));
  const results = withShall.map((line) => ({ line, ears: classifyEars(line) }));

  it("finds the corpus criteria", () => {
    expect(lines.length).toBeGreaterThan(4000);
    expect(withShall.length).toBeGreaterThan(3500);
  });

  it("classifies no line with SHALL as none", () => {
    expect(results.filter((result) => result.ears.pattern === "none").map((result) => result.line)).toEqual([]);
  });

  it("classifies lines by their leading keyword", () => {
    const expected: [RegExp, EarsPattern][] = [
      [/^\d+(?:\.\d+)*\.?\s+WHEN\b(?!.*\b(?:IF|WHILE|WHERE)\b.*\bSHALL)/, "event-driven"],
      [/^\d+(?:\.\d+)*\.?\s+IF\b(?!.*\b(?:WHEN|WHILE|WHERE)\b.*\bSHALL)/, "unwanted-behaviour"],
      [/^\d+(?:\.\d+)*\.?\s+WHILE\b(?!.*\b(?:WHEN|IF|WHERE)\b.*\bSHALL)/, "state-driven"],
      [/^\d+(?:\.\d+)*\.?\s+THE\b(?!.*\b(?:WHEN|IF|WHILE|WHERE)\b.*\bSHALL)/, "ubiquitous"],
    ];
    for (const [pattern, ears] of expected) {
      const matching = results.filter((result) => pattern.test(result.line));
      expect(matching.length).toBeGreaterThan(20);
      expect(matching.filter((result) => result.ears.pattern !== ears).map((result) => result.line)).toEqual([]);
    }
  });

  it("names a subject for nearly every sentence", () => {
    const missing = results.filter((result) => result.ears.subject === undefined);
    expect(missing.length).toBeLessThanOrEqual(results.length / 500);
  });

  it("uses every pattern somewhere in real files", () => {
    const seen = new Set(results.map((result) => result.ears.pattern));
    for (const pattern of ["ubiquitous", "event-driven", "unwanted-behaviour", "state-driven", "optional-feature"]) {
      expect(seen).toContain(pattern);
    }
  });
});
