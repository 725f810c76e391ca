import { describe, expect, it } from "vitest";
import { buildWorkspaceModel } from "../../../src/rules/build-workspace-model.js";
import { tasksWithoutRequirements } from "../../../src/rules/structure/tasks-without-requirements.js";
import { unknownFile } from "../../../src/rules/structure/unknown-file.js";
import { unknownTaskMarker } from "../../../src/rules/structure/unknown-task-marker.js";
import { findingsOf } from "../../helpers/workspace-model.js";
import { REQUIREMENTS, requirementsText, TASKS } from "../ears/spec-text.js";

const TASKS_TEXT = "# Implementation Plan\n\n- [ ] 1. Store drafts\n";
const CONFIG = ".kiro/specs/drafts/.config.kiro";

describe("structure/tasks-without-requirements", () => {
  it("reports tasks.md in a spec folder without requirements.md or bugfix.md", () => {
    const findings = findingsOf(tasksWithoutRequirements, {
      [TASKS]: TASKS_TEXT,
      ".kiro/specs/drafts/design.md": "# Design\n",
    });
    expect(findings).toEqual([
      expect.objectContaining({
        file: TASKS,
        location: expect.objectContaining({ line: 1, column: 1 }),
        message:
          'Spec "drafts" has tasks but no requirements.md or bugfix.md, so its tasks cannot be traced to requirements.',
      }),
    ]);
  });

  it("accepts a spec with requirements or a bugfix, a design-first or fast-task spec, and an unreadable requirements.md", () => {
    expect(findingsOf(tasksWithoutRequirements, { [TASKS]: TASKS_TEXT, [REQUIREMENTS]: requirementsText([]) })).toEqual(
      [],
    );
    expect(
      findingsOf(tasksWithoutRequirements, { [TASKS]: TASKS_TEXT, ".kiro/specs/drafts/bugfix.md": "# Bugfix\n" }),
    ).toEqual([]);
    for (const workflowType of ["design-first", "fast-task"]) {
      const config = JSON.stringify({ specId: "1", workflowType, specType: "feature" });
      expect(findingsOf(tasksWithoutRequirements, { [TASKS]: TASKS_TEXT, [CONFIG]: config })).toEqual([]);
    }
    const unreadable = buildWorkspaceModel({
      files: [{ path: TASKS, text: TASKS_TEXT }, { path: REQUIREMENTS }],
      unreadable: [{ path: REQUIREMENTS, code: "invalid-utf8", message: "Not UTF-8.", fix: "Save it as UTF-8." }],
    });
    expect([...tasksWithoutRequirements.check(unreadable)]).toEqual([]);
  });

  it("still reports a requirements-first spec without requirements", () => {
    const config = JSON.stringify({ specId: "1", workflowType: "requirements-first", specType: "feature" });
    expect(findingsOf(tasksWithoutRequirements, { [TASKS]: TASKS_TEXT, [CONFIG]: config })).toHaveLength(1);
  });
});

describe("structure/unknown-file", () => {
  it("reports files Kiro ignores, naming cc-sdd's own", () => {
    const findings = findingsOf(unknownFile, {
      [REQUIREMENTS]: requirementsText([]),
      ".kiro/specs/drafts/spec.json": "{}",
      ".kiro/specs/drafts/notes.md": "notes",
    });
    expect(findings.map((finding) => [finding.file, finding.message])).toEqual([
      [".kiro/specs/drafts/spec.json", '"spec.json" comes from cc-sdd, not Kiro; Kiro ignores it in spec "drafts".'],
      [".kiro/specs/drafts/notes.md", '"notes.md" is not a Kiro spec file; Kiro ignores it in spec "drafts".'],
    ]);
    expect(findings[0]?.location).toMatchObject({ line: 1, column: 1 });
  });

  it("accepts the files Kiro reads", () => {
    const files = Object.fromEntries(
      ["requirements.md", "bugfix.md", "design.md", "tasks.md", ".config.kiro", "tasks.meta.json"].map((name) => [
        `.kiro/specs/drafts/${name}`,
        name.endsWith(".md") ? "# Title\n" : "{}",
      ]),
    );
    expect(findingsOf(unknownFile, files)).toEqual([]);
  });
});

describe("structure/unknown-task-marker", () => {
  it("reports a checkbox marker Kiro does not know, at the brackets", () => {
    const findings = findingsOf(unknownTaskMarker, { [TASKS]: "- [ ] 1. A\n- [?] 2. B\n" });
    expect(findings.map((finding) => [finding.location.line, finding.location.column, finding.message])).toEqual([
      [2, 3, "`[?]` is not a task marker Kiro knows, so this line is not read as a task."],
    ]);
  });

  it("accepts every marker Kiro writes", () => {
    expect(
      findingsOf(unknownTaskMarker, { [TASKS]: "- [ ] 1. A\n- [x] 2. B\n- [-] 3. C\n- [~] 4. D\n- [ ]* 5. E\n" }),
    ).toEqual([]);
  });
});
