import { describe, expect, it } from "vitest";
import { unknownFile } from "../../../src/rules/structure/unknown-file.js";
import { draftOf, isSpecwrightRecord } from "../../../src/rules/structure/unknown-file-exemptions.js";
import { findingsOf } from "../../helpers/workspace-model.js";

describe("structure/unknown-file and Specwright's own records", () => {
  it("leaves the approvals file and task-run records alone", () => {
    const findings = findingsOf(unknownFile, {
      ".kiro/specs/limits/requirements.md": "# R\n",
      ".kiro/specs/limits/.specwright-approvals.json": "{}",
      ".kiro/specs/limits/runs/2026-01-01-task-1.jsonl": "{}",
      ".kiro/specs/limits/runs.txt": "not a record",
    });
    expect(findings.map((finding) => finding.file)).toEqual([".kiro/specs/limits/runs.txt"]);
  });

  it("reports a draft of a spec document as awaiting review", () => {
    const findings = findingsOf(unknownFile, {
      ".kiro/specs/limits/design.md.draft": "# D\n",
      ".kiro/specs/limits/notes.md.draft": "x",
    });
    expect(findings.map((finding) => [finding.file, finding.message])).toEqual([
      [
        ".kiro/specs/limits/design.md.draft",
        '"design.md.draft" is a draft of design.md awaiting review in spec "limits"; Kiro ignores it.',
      ],
      [
        ".kiro/specs/limits/notes.md.draft",
        '"notes.md.draft" is not a Kiro spec file; Kiro ignores it in spec "limits".',
      ],
    ]);
    expect(findings[0]?.fix).toContain("rename it to design.md");
  });

  it("names drafts and records by file name only", () => {
    expect(draftOf("tasks.md.draft")).toBe("tasks.md");
    expect(draftOf("tasks.md")).toBeUndefined();
    expect(isSpecwrightRecord("runs")).toBe(true);
    expect(isSpecwrightRecord("runs-old/x")).toBe(false);
  });
});
