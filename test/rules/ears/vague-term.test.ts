import { describe, expect, it } from "vitest";
import { vagueTerm } from "../../../src/rules/ears/vague-term.js";
import { findingsOf } from "../../helpers/workspace-model.js";
import { criterionLine, REQUIREMENTS, requirementsText } from "./spec-text.js";

describe("ears/vague-term", () => {
  it("reports each vague word at its own column", () => {
    const text = requirementsText(["WHEN the user saves, THE Editor SHALL quickly show an Appropriate message"]);
    const findings = findingsOf(vagueTerm, { [REQUIREMENTS]: text });
    expect(findings.map((finding) => finding.message)).toEqual([
      'Criterion 1.1: "quickly" is vague: no test can tell whether it holds.',
      'Criterion 1.1: "Appropriate" is vague: it leaves the judgement to whoever implements it.',
    ]);
    const line = criterionLine(text, 1);
    expect(findings[0]?.location).toMatchObject({ line, column: 42, endLine: line, endColumn: 49 });
    expect(findings[1]?.location).toMatchObject({ line, column: 58, endColumn: 69 });
    expect(findings[0]?.fix).toContain("measurable limit");
  });

  it("finds phrases that wrap onto the next line, and etc. with its dot", () => {
    const text = requirementsText(["THE Editor SHALL retry as\n   needed and list formats (md, txt, etc.)"]);
    const findings = findingsOf(vagueTerm, { [REQUIREMENTS]: text });
    expect(findings.map((finding) => finding.message)).toEqual([
      'Criterion 1.1: "as\n   needed" is vague: it leaves the cases open.',
      'Criterion 1.1: "etc." is vague: it leaves the cases open.',
    ]);
    const line = criterionLine(text, 1);
    expect(findings[0]?.location).toMatchObject({ line, column: 27, endLine: line + 1, endColumn: 10 });
  });

  it("reports a modal verb that adds a second, weaker response", () => {
    const text = requirementsText(["THE Editor SHALL store the draft and may notify the user"]);
    expect(findingsOf(vagueTerm, { [REQUIREMENTS]: text }).map((finding) => finding.message)).toEqual([
      'Criterion 1.1: "may" is vague: it leaves open whether the behaviour is required.',
    ]);
  });

  it("ignores words in code, quotes, paths, compounds, subordinate clauses and explained or measured uses", () => {
    const text = requirementsText([
      "THE Editor SHALL show the message `Saving may take a while`",
      'THE Editor SHALL show "Please be patient, this should be quick"',
      "THE Installer SHALL write /etc/hosts",
      "THE Test_Runner SHALL use fast-check for property tests",
      "THE Linter SHALL flag methods that should be extracted",
      "IF the file could not be read, THEN THE Editor SHALL show an error",
      "THE CLI SHALL use appropriate exit codes (0 for success, 1 for findings)",
      "THE Search SHALL return results fast, within 200 ms",
      "THE Player SHALL play the appropriate sound for the event",
      "THE Pipeline SHALL fail fast on the first lint error",
      "WHEN the creature has sufficient spell slots, THE Engine SHALL cast the spell",
    ]);
    expect(findingsOf(vagueTerm, { [REQUIREMENTS]: text })).toEqual([]);
  });

  it("leaves a modal verb in a criterion without SHALL to ears/missing-shall", () => {
    const text = requirementsText(["THE Editor should store drafts"]);
    expect(findingsOf(vagueTerm, { [REQUIREMENTS]: text })).toEqual([]);
  });
});
