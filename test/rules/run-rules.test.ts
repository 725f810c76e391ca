import { describe, expect, it } from "vitest";
import { flattenTasks } from "../../src/model/tasks/walk-tasks.js";
import { defineRule } from "../../src/rules/rule.js";
import { runRules } from "../../src/rules/run-rules.js";
import { toSarif } from "../../src/rules/sarif.js";
import { workspaceOf } from "../helpers/workspace-model.js";

/** A rule for these tests: reports every todo task. */
const openTask = defineRule({
  id: "test/open-task",
  family: "structure",
  severity: "warning",
  summary: "An open task.",
  fix: "Finish it.",
  *check(workspace) {
    for (const spec of workspace.specs) {
      for (const task of flattenTasks(spec.tasks?.document.tasks ?? [])) {
        if (task.status === "todo")
          yield { file: spec.tasks?.path ?? "", location: task.location, message: `Task ${task.id} is open.` };
      }
    }
  },
});

const TASKS = ".kiro/specs/a/tasks.md";
const SETTINGS = ".kiro/settings/specwright.json";

describe("runRules", () => {
  it("reports findings with the rule's severity and fix, sorted by position", () => {
    const diagnostics = runRules(workspaceOf({ [TASKS]: "- [ ] 2. B\n- [ ] 1. A\n" }), [openTask]);
    expect(diagnostics).toMatchObject([
      {
        rule: "test/open-task",
        severity: "warning",
        fix: "Finish it.",
        location: { line: 1 },
        message: "Task 2 is open.",
      },
      { location: { line: 2 }, message: "Task 1 is open." },
    ]);
  });

  it("changes a rule's severity or turns it off from the settings", () => {
    const files = { [TASKS]: "- [ ] 1. A\n" };
    const raised = runRules(workspaceOf({ ...files, [SETTINGS]: '{"rules": {"test/open-task": "error"}}' }), [
      openTask,
    ]);
    expect(raised.map((diagnostic) => diagnostic.severity)).toEqual(["error"]);
    const off = runRules(workspaceOf({ ...files, [SETTINGS]: '{"rules": {"test/open-task": "off"}}' }), [openTask]);
    expect(off).toEqual([]);
  });

  it("reports an unknown rule id in the settings with the closest id", () => {
    const diagnostics = runRules(workspaceOf({ [SETTINGS]: '{\n  "rules": {"test/open-tasks": "off"}\n}' }), [
      openTask,
    ]);
    expect(diagnostics).toMatchObject([
      { rule: "settings/specwright-schema", severity: "error", file: SETTINGS, location: { line: 2, column: 13 } },
    ]);
    expect(diagnostics[0]?.message).toContain("Did you mean test/open-task?");
  });

  it("silences the next line with a disable comment, for the named rule only", () => {
    const text = [
      "<!-- specwright-disable-next-line test/open-task -->",
      "- [ ] 1. Silenced",
      "<!-- specwright-disable-next-line other/rule -->",
      "",
      "- [ ] 2. Still reported",
      "<!-- specwright-disable-next-line -->",
      "- [ ] 3. Silenced by a bare comment",
    ].join("\n");
    expect(runRules(workspaceOf({ [TASKS]: text }), [openTask]).map((diagnostic) => diagnostic.message)).toEqual([
      "Task 2 is open.",
    ]);
  });
});

describe("toSarif", () => {
  it("writes SARIF 2.1.0 with rules, levels and regions", () => {
    const diagnostics = runRules(workspaceOf({ [TASKS]: "- [ ] 1. A\n" }), [openTask]);
    const sarif = toSarif(diagnostics, [openTask], "1.2.3");
    expect(sarif.version).toBe("2.1.0");
    const [run] = sarif.runs;
    expect(run?.tool.driver).toMatchObject({
      name: "specwright",
      version: "1.2.3",
      rules: [{ id: "test/open-task", help: { text: "An open task.\nFix: Finish it." } }],
    });
    expect(run?.results).toMatchObject([
      {
        ruleId: "test/open-task",
        ruleIndex: 0,
        level: "warning",
        locations: [
          { physicalLocation: { artifactLocation: { uri: TASKS }, region: { startLine: 1, startColumn: 1 } } },
        ],
      },
    ]);
  });
});

describe("settings/unknown-disable-rule", () => {
  it("reports a disable comment naming no rule, at the id, with the closest id", async () => {
    const { ALL_RULES } = await import("../../src/rules/all-rules.js");
    const rule = ALL_RULES.find((entry) => entry.id === "settings/unknown-disable-rule");
    if (!rule) throw new Error("rule missing");
    const text = [
      "<!-- specwright-disable-next-line traceability/unknown-refs -->",
      "- [ ] 1. A",
      "<!-- specwright-disable-next-line traceability/unknown-reference -->",
      "- [ ] 2. B",
    ].join("\n");
    const findings = [...rule.check(workspaceOf({ [TASKS]: text }))];
    expect(findings).toMatchObject([
      {
        file: TASKS,
        location: { line: 1, column: 35, endColumn: 60 },
        message: '"traceability/unknown-refs" is not a rule id; this comment silences nothing.',
        fix: "Did you mean traceability/unknown-reference?",
      },
    ]);
  });
});

describe("disable comments are directives only on their own line, outside code", () => {
  it("ignores a mention in prose and an example in a fenced block", () => {
    const text = [
      "Use `<!-- specwright-disable-next-line test/open-task -->` to silence a line.",
      "- [ ] 1. Reported",
      "```md",
      "<!-- specwright-disable-next-line test/open-task -->",
      "```",
      "- [ ] 2. Reported too",
    ].join("\n");
    expect(runRules(workspaceOf({ [TASKS]: text }), [openTask]).map((diagnostic) => diagnostic.message)).toEqual([
      "Task 1 is open.",
      "Task 2 is open.",
    ]);
  });
});
