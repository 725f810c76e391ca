import { describe, expect, it } from "vitest";
import { parseHookFile } from "../../../src/model/hooks/index.js";
import { fileVersion } from "../../../src/rules/hooks/file-version.js";
import { invalidMatcher } from "../../../src/rules/hooks/invalid-matcher.js";
import { invalidPattern } from "../../../src/rules/hooks/invalid-pattern.js";
import { jsonSyntax } from "../../../src/rules/hooks/json-syntax.js";
import { legacyFormat } from "../../../src/rules/hooks/legacy-format.js";
import { missingField } from "../../../src/rules/hooks/missing-field.js";
import { unknownAction } from "../../../src/rules/hooks/unknown-action.js";
import { unknownTrigger } from "../../../src/rules/hooks/unknown-trigger.js";
import type { Rule } from "../../../src/rules/rule.js";
import { findingsOf } from "../../helpers/workspace-model.js";

const LEGACY = ".kiro/hooks/lint-on-save.kiro.hook";
const V1 = ".kiro/hooks/lint.json";

/** A 0.x hook as Kiro writes it, with `when` and `then` replaced. */
function legacyHook(when: object, then: object = { type: "runCommand", command: "npm run lint" }): string {
  return JSON.stringify({ enabled: true, name: "Lint on save", version: "1", when, then }, null, 2);
}

/** A Kiro 1.0 hook file with one hook, fields overridden. */
function v1File(hook: object = {}, version = "v1"): string {
  const base = { name: "lint-on-save", trigger: "PostFileSave", action: { type: "command", command: "npm run lint" } };
  return JSON.stringify({ version, hooks: [{ ...base, ...hook }] }, null, 2);
}

const legacy = (rule: Rule, text: string) => findingsOf(rule, { [LEGACY]: text });
const v1 = (rule: Rule, text: string) => findingsOf(rule, { [V1]: text });
const VALID_LEGACY = legacyHook({ type: "fileEdited", patterns: ["src/**/*.ts"] });

describe("hooks/json-syntax", () => {
  it("reports a missing comma at its position, in both formats", () => {
    const broken = '{\n  "name": "Lint"\n  "when": {}\n}';
    expect(legacy(jsonSyntax, broken)).toMatchObject([
      { file: LEGACY, location: { line: 3, column: 3 }, message: "Expected a comma." },
    ]);
    expect(v1(jsonSyntax, broken)).toMatchObject([{ file: V1, location: { line: 3, column: 3 } }]);
  });

  it("accepts valid JSON", () => {
    expect(legacy(jsonSyntax, VALID_LEGACY)).toEqual([]);
    expect(v1(jsonSyntax, v1File())).toEqual([]);
  });
});

describe("hooks/missing-field", () => {
  it("reports a missing `then` and an askAgent without prompt", () => {
    const noThen = JSON.stringify({ name: "x", when: { type: "fileEdited" } });
    expect(legacy(missingField, noThen)[0]?.message).toBe('(root): required property "then" is missing.');
    const noPrompt = legacyHook({ type: "userTriggered" }, { type: "askAgent" });
    expect(legacy(missingField, noPrompt)).toMatchObject([
      { location: { line: 8 }, message: expect.stringContaining("prompt") },
    ]);
  });

  it("reports a v1 hook without an action", () => {
    const text = JSON.stringify({ version: "v1", hooks: [{ name: "x", trigger: "Stop" }] });
    expect(v1(missingField, text)[0]?.message).toBe('hooks[0]: required property "action" is missing.');
  });

  it("accepts complete hooks", () => {
    expect(legacy(missingField, VALID_LEGACY)).toEqual([]);
    expect(v1(missingField, v1File())).toEqual([]);
  });
});

describe("hooks/file-version", () => {
  it("reports a version other than v1 at its value", () => {
    expect(v1(fileVersion, v1File({}, "1"))).toMatchObject([{ location: { line: 2, column: 14 } }]);
  });

  it("accepts v1", () => {
    expect(v1(fileVersion, v1File())).toEqual([]);
  });
});

describe("hooks/unknown-trigger", () => {
  it("reports a misspelt 0.x trigger at its value and suggests the right one", () => {
    const findings = legacy(unknownTrigger, legacyHook({ type: "fileSaved" }));
    expect(findings).toMatchObject([
      { location: { line: 6, column: 13 }, message: expect.stringContaining('"fileSaved"') },
    ]);
    expect(findings[0]?.fix).toContain('"fileEdited"');
  });

  it("still checks the trigger when another field is missing", () => {
    const text = '{"when": {"type": "onSave"}, "then": {"type": "askAgent", "prompt": "x"}}';
    expect(legacy(unknownTrigger, text)).toHaveLength(1);
  });

  it("tells a 0.x name in a v1 file how Kiro 1.0 calls it", () => {
    expect(v1(unknownTrigger, v1File({ trigger: "fileEdited" }))).toMatchObject([
      { fix: 'Write "trigger": "PostFileSave".', location: { line: 6 } },
    ]);
  });

  it("reports an unlisted v1 trigger as a warning (the v1 list is partly unverified)", () => {
    expect(v1(unknownTrigger, v1File({ trigger: "OnSave" }))).toMatchObject([{ severity: "warning" }]);
  });

  it("accepts documented triggers and the undocumented ones Kiro itself wrote", () => {
    for (const type of ["fileEdited", "userTriggered", "manual", "agentComplete", "postTaskExecution"]) {
      expect(legacy(unknownTrigger, legacyHook({ type }))).toEqual([]);
    }
    expect(v1(unknownTrigger, v1File({ trigger: "Stop" }))).toEqual([]);
  });
});

describe("hooks/unknown-action", () => {
  it("reports an unknown 0.x action at its value", () => {
    const findings = legacy(unknownAction, legacyHook({ type: "fileEdited" }, { type: "runComand", command: "x" }));
    expect(findings).toMatchObject([{ location: { line: 9, column: 13 } }]);
    expect(findings[0]?.fix).toContain('"runCommand"');
  });

  it("tells a 0.x action name in a v1 file its 1.0 name", () => {
    const findings = v1(unknownAction, v1File({ action: { type: "askAgent", prompt: "Review" } }));
    expect(findings[0]?.fix).toBe('Write "type": "agent" (with "prompt").');
  });

  it("accepts known actions, including the undocumented shell and sendMessage", () => {
    for (const then of [
      { type: "askAgent", prompt: "x" },
      { type: "shell", command: "x" },
      { type: "sendMessage", message: "x" },
    ]) {
      expect(legacy(unknownAction, legacyHook({ type: "agentStop" }, then))).toEqual([]);
    }
    expect(v1(unknownAction, v1File({ action: { type: "agent", prompt: "x" } }))).toEqual([]);
  });
});

describe("hooks/invalid-pattern", () => {
  it("reports a comma-separated pattern and an unbalanced one at the array item", () => {
    const findings = legacy(
      invalidPattern,
      legacyHook({ type: "fileEdited", patterns: ["**/*.ts,**/*.tsx", "src/[ab"] }),
    );
    expect(findings).toMatchObject([{ location: { line: 8 } }, { location: { line: 9 } }]);
    expect(findings[0]?.fix).toBe('Write each glob as its own item: "**/*.ts", "**/*.tsx".');
  });

  it("accepts plain and brace globs", () => {
    expect(
      legacy(invalidPattern, legacyHook({ type: "fileEdited", patterns: ["**/*.{ts,tsx}", "**/.env.*"] })),
    ).toEqual([]);
  });
});

describe("hooks/invalid-matcher", () => {
  it("reports a glob used as a matcher and gives the regex for it", () => {
    const findings = v1(invalidMatcher, v1File({ matcher: "**/*.ts" }));
    expect(findings).toMatchObject([{ location: { line: 11, column: 18 } }]);
    expect(findings[0]?.message).toContain("Nothing to repeat");
    expect(findings[0]?.fix).toContain(JSON.stringify("^(?:.*/)?[^/]*\\.ts$"));
  });

  it("accepts a regular expression", () => {
    expect(v1(invalidMatcher, v1File({ matcher: "\\.tsx?$" }))).toEqual([]);
  });
});

describe("hooks/legacy-format", () => {
  it("notes a 0.x hook at its name and spells out a v1 file Kiro 1.0 reads", () => {
    const findings = legacy(legacyFormat, VALID_LEGACY);
    expect(findings).toMatchObject([
      {
        location: { line: 3, column: 11 },
        message: 'Hook "Lint on save" is in the Kiro 0.x format, which Kiro 1.0 no longer runs.',
      },
    ]);
    const fix = findings[0]?.fix ?? "";
    expect(fix).toMatch(/^Kiro 1\.0 equivalent, in \.kiro\/hooks\/lint-on-save\.json /);
    const migrated = parseHookFile(fix.slice(fix.indexOf("{")));
    expect(migrated.diagnostics).toEqual([]);
    expect(migrated.hookFile?.hooks[0]).toMatchObject({
      trigger: "PostFileSave",
      action: { type: "command", command: "npm run lint" },
    });
  });

  it("says what a trigger without a 1.0 equivalent becomes", () => {
    const fix = legacy(legacyFormat, legacyHook({ type: "userTriggered" }))[0]?.fix;
    expect(fix).toContain('Note: Kiro 1.0 has no trigger for "userTriggered"');
  });

  it("leaves unreadable hooks to the other rules and ignores v1 files", () => {
    expect(legacy(legacyFormat, "{")).toEqual([]);
    expect(v1(legacyFormat, v1File())).toEqual([]);
  });
});
