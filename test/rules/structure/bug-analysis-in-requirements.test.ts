import { describe, expect, it } from "vitest";
import { ALL_RULES } from "../../../src/rules/all-rules.js";
import { buildWorkspaceModel } from "../../../src/rules/build-workspace-model.js";
import { runRules } from "../../../src/rules/run-rules.js";

const SPEC = ".kiro/specs/double-export";
const REQUIREMENTS = [
  "# Bugfix Requirements",
  "",
  "## Current Behavior",
  "",
  "1. WHEN the export runs twice THEN the system writes the file twice",
  "",
  "## Expected Behavior",
  "",
  "1. WHEN the export runs twice THEN the system SHALL write the file once",
  "",
  "## Unchanged Behavior",
  "",
  "1. WHEN the export runs once THEN the system SHALL CONTINUE TO write the file",
  "",
].join("\n");
const TASKS =
  "- [ ] 1. Fix the double write\n  - _Requirements: 1, 2.1_\n- [ ] 2. Keep single exports\n  - _Requirements: 3.1, 4_\n";

const check = (files: Record<string, string>) =>
  runRules(buildWorkspaceModel({ files: Object.entries(files).map(([path, text]) => ({ path, text })) }), ALL_RULES);

describe("a bug analysis kept in requirements.md", () => {
  it("is read as bugfix clauses: references resolve, only the dangling one is reported", () => {
    const diagnostics = check({ [`${SPEC}/requirements.md`]: REQUIREMENTS, [`${SPEC}/tasks.md`]: TASKS });
    expect(diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.message])).toEqual([
      ["traceability/unknown-reference", "Task 2 references 4, which is not a criterion of this spec."],
    ]);
  });

  it("needs only one group when .config.kiro says specType bugfix", () => {
    const current = REQUIREMENTS.slice(0, REQUIREMENTS.indexOf("## Expected"));
    const files = {
      [`${SPEC}/requirements.md`]: current,
      [`${SPEC}/tasks.md`]: "- [ ] 1. Fix\n  - _Requirements: 1.1_\n",
    };
    expect(check(files).map((diagnostic) => diagnostic.rule)).toContain("structure/no-requirements");
    const declared = check({ ...files, [`${SPEC}/.config.kiro`]: '{"specType": "bugfix"}' });
    expect(declared.map((diagnostic) => diagnostic.rule)).not.toContain("structure/no-requirements");
    expect(declared.map((diagnostic) => diagnostic.rule)).not.toContain("traceability/unknown-reference");
  });
});
