import { describe, expect, it } from "vitest";
import { parseBugfix } from "../../src/model/bugfix/index.js";
import { KIRO_DESIGN_SECTIONS } from "../../src/model/design/design-sections.js";
import { parseDesign } from "../../src/model/design/index.js";
import { parseRequirements } from "../../src/model/requirements/index.js";
import { parseSpecConfig } from "../../src/model/settings/index.js";
import type { SpecType } from "../../src/model/settings/spec-config-schema.js";
import { parseTasks } from "../../src/model/tasks/parse-tasks.js";
import { flattenTasks } from "../../src/model/tasks/walk-tasks.js";
import { findPlaceholders } from "../../src/model/templates/placeholder.js";
import { type NewSpecWorkflow, specConfigTemplate, specTemplates } from "../../src/model/templates/spec-templates.js";
import { ALL_RULES } from "../../src/rules/all-rules.js";
import { runRules } from "../../src/rules/run-rules.js";
import { workspaceOf } from "../helpers/workspace-model.js";

const SPEC_ID = "0b7d5a62-6f0e-4c55-9a8e-2f1f3f0f9c11";

function filesOf(type: SpecType, workflow: NewSpecWorkflow): Map<string, string> {
  return new Map(
    specTemplates({ name: "rate-limiting", type, workflow, specId: SPEC_ID }).map((file) => [file.name, file.content]),
  );
}

describe("spec templates", () => {
  it("gives a feature spec requirements, design and tasks, design first for design-first", () => {
    expect([...filesOf("feature", "requirements-first").keys()]).toEqual([
      "requirements.md",
      "design.md",
      "tasks.md",
      ".config.kiro",
    ]);
    expect([...filesOf("feature", "design-first").keys()]).toEqual([
      "design.md",
      "requirements.md",
      "tasks.md",
      ".config.kiro",
    ]);
    expect([...filesOf("bugfix", "requirements-first").keys()]).toEqual([
      "bugfix.md",
      "design.md",
      "tasks.md",
      ".config.kiro",
    ]);
  });

  it("writes .config.kiro byte for byte as Kiro does, and it parses", () => {
    const text = specConfigTemplate({ specId: SPEC_ID, type: "bugfix", workflow: "requirements-first" });
    expect(text).toBe(`{"specId": "${SPEC_ID}", "workflowType": "requirements-first", "specType": "bugfix"}`);
    const document = parseSpecConfig(text);
    expect(document.diagnostics).toEqual([]);
    expect(document.specType).toBe("bugfix");
    expect(document.workflowType).toBe("requirements-first");
  });

  it("feature requirements parse in Kiro's current format with EARS criteria and placeholders", () => {
    const text = filesOf("feature", "requirements-first").get("requirements.md") ?? "";
    const document = parseRequirements(text);
    expect(document.diagnostics).toEqual([]);
    expect(document.title).toBe("Requirements Document");
    expect(document.introduction?.title).toBe("Introduction");
    expect(document.glossary).toHaveLength(1);
    expect(document.requirements).toHaveLength(1);
    const requirement = document.requirements[0];
    expect(requirement?.id).toBe("1");
    expect(requirement?.userStory?.text).toMatch(/^As a <fill: .*>, I want <fill: .*>, so that <fill: .*>$/);
    expect(requirement?.criteria.map((criterion) => criterion.id)).toEqual(["1.1", "1.2", "1.3"]);
    expect(requirement?.criteria.map((criterion) => criterion.ears.pattern)).toEqual([
      "event-driven",
      "unwanted-behaviour",
      "ubiquitous",
    ]);
    expect(findPlaceholders(text).length).toBeGreaterThan(5);
  });

  it("bugfix analysis parses with one clause in each group, numbered 1.1, 2.1, 3.1", () => {
    const text = filesOf("bugfix", "requirements-first").get("bugfix.md") ?? "";
    const document = parseBugfix(text);
    expect(document.diagnostics).toEqual([]);
    expect(document.sections.map((section) => section.group)).toEqual(["current", "expected", "unchanged"]);
    expect(document.clauses.map((clause) => clause.id)).toEqual(["1.1", "2.1", "3.1"]);
    expect(document.clauses[2]?.text).toContain("SHALL CONTINUE TO");
    expect(findPlaceholders(text).length).toBeGreaterThan(3);
  });

  it("designs parse with Kiro's sections and a correctness property that validates a criterion", () => {
    const feature = parseDesign(filesOf("feature", "requirements-first").get("design.md") ?? "");
    expect(feature.diagnostics).toEqual([]);
    // The template and the check of a generated design agree on Kiro's sections, in Kiro's order.
    expect(feature.sections.filter((section) => section.level === 2).map((section) => section.title)).toEqual([
      ...KIRO_DESIGN_SECTIONS,
    ]);
    expect(feature.properties.map((property) => property.number)).toEqual(["1"]);
    const bugfix = parseDesign(filesOf("bugfix", "requirements-first").get("design.md") ?? "");
    expect(bugfix.diagnostics).toEqual([]);
    expect(bugfix.properties.map((property) => property.number)).toEqual(["1", "2"]);
  });

  it("tasks parse as an implementation plan whose leaf tasks trace to the template's criteria", () => {
    for (const type of ["feature", "bugfix"] as const) {
      const text = filesOf(type, "requirements-first").get("tasks.md") ?? "";
      const document = parseTasks(text);
      expect(document.diagnostics).toEqual([]);
      expect(document.title).toBe("Implementation Plan");
      const tasks = flattenTasks(document.tasks);
      expect(tasks.every((task) => task.status === "todo")).toBe(true);
      expect(tasks.find((task) => task.id === "1")?.references.flatMap((line) => line.references.ids)).toEqual(["1.1"]);
      expect(tasks.some((task) => task.checkpoint)).toBe(true);
    }
  });

  it("a new spec gets no finding from any rule except its unfilled placeholders", () => {
    for (const [type, workflow] of [
      ["feature", "requirements-first"],
      ["feature", "design-first"],
      ["bugfix", "requirements-first"],
    ] as const) {
      const files = Object.fromEntries(
        [...filesOf(type, workflow)].map(([name, content]) => [`.kiro/specs/rate-limiting/${name}`, content]),
      );
      const diagnostics = runRules(workspaceOf(files), ALL_RULES);
      const rules = new Set(diagnostics.map((diagnostic) => diagnostic.rule));
      expect([...rules], `${type} ${workflow}`).toEqual(["structure/unfilled-placeholder"]);
      const expected = Object.values(files).reduce((count, text) => count + findPlaceholders(text).length, 0);
      expect(diagnostics).toHaveLength(expected);
    }
  });
});
