import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import {
  classifyLegacyAction,
  classifyLegacyTrigger,
  globsToRegexSource,
  globToRegexSource,
  migrateLegacyHook,
  parseHookFile,
  parseLegacyHook,
  toHookName,
} from "../../../src/model/hooks/index.js";

const lintOnSave = `{
  "enabled": true,
  "name": "Lint on save",
  "description": "Runs the linter",
  "version": "1",
  "when": {"type": "fileEdited", "patterns": ["src/**/*.ts", "**/*.{js,jsx}"]},
  "then": {"type": "runCommand", "command": "npm run lint", "timeout": 30},
  "shortName": "lint"
}`;

describe("parseLegacyHook", () => {
  it("reads every field and keeps unknown keys", () => {
    const document = parseLegacyHook(lintOnSave);
    expect(document.kind).toBe("legacy-hook");
    expect(document.diagnostics).toEqual([]);
    expect(document.hook).toMatchObject({
      enabled: true,
      name: "Lint on save",
      version: "1",
      when: { type: "fileEdited", patterns: ["src/**/*.ts", "**/*.{js,jsx}"] },
      // biome-ignore lint/suspicious/noThenProperty: Kiro's 0.x hook format names the action "then".
      then: { type: "runCommand", command: "npm run lint", timeout: 30 },
      shortName: "lint",
    });
    expect(serializeDocument(document)).toBe(lintOnSave);
  });

  it("accepts corpus variants: CRLF, BOM, manual with button_text, sendMessage, preToolUse toolTypes", () => {
    const text =
      '\uFEFF{\r\n"enabled": false, "name": "Ask", "version": "1.0.0",\r\n' +
      '"when": {"type": "manual", "button_text": "Go"}, "then": {"type": "sendMessage", "message": "hi"},\r\n' +
      '"workspaceFolderName": "app"}\r\n';
    const document = parseLegacyHook(text);
    expect(document.diagnostics).toEqual([]);
    expect(document.hook?.when).toEqual({ type: "manual", button_text: "Go" });
    expect(document.hook?.workspaceFolderName).toBe("app");
    expect(serializeDocument(document)).toBe(text);
    const tool = parseLegacyHook(
      '{"name": "t", "when": {"type": "preToolUse", "toolTypes": ["write"]}, "then": {"type": "askAgent", "prompt": "p"}}',
    );
    expect(tool.hook?.when.toolTypes).toEqual(["write"]);
  });

  it("keeps unknown trigger and action names (the rules layer classifies them)", () => {
    const document = parseLegacyHook('{"name": "x", "when": {"type": "onSave"}, "then": {"type": "notify"}}');
    expect(document.diagnostics).toEqual([]);
    expect(document.hook?.when.type).toBe("onSave");
  });

  it("reports a syntax error at its line and column", () => {
    const document = parseLegacyHook('{\n  "name": "x",\n  "when": {"type": "fileEdited"}\n  "then": {}\n}');
    expect(document.hook).toBeUndefined();
    expect(document.diagnostics).toHaveLength(1);
    expect(document.diagnostics[0]).toMatchObject({ code: "json-syntax", location: { line: 4, column: 3 } });
  });

  it("reports wrong types and missing fields on the node concerned", () => {
    const text =
      '{\n  "name": 5,\n  "enabled": "yes",\n  "when": {"patterns": "*.ts"},\n  "then": {"type": "askAgent"}\n}';
    const document = parseLegacyHook(text);
    expect(document.hook).toBeUndefined();
    const found = document.diagnostics.map((d) => [d.message, d.location.line]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["name: Invalid input: expected string, received number", 2],
        ["enabled: Invalid input: expected boolean, received string", 3],
        ['when: required property "type" is missing.', 4],
        ["when.patterns: Invalid input: expected array, received string", 4],
        ['then.prompt: the "askAgent" action needs a "prompt".', 5],
      ]),
    );
    expect(document.diagnostics).toHaveLength(5);
    expect(document.diagnostics.every((d) => d.code === "hook-invalid-shape" && d.severity === "error")).toBe(true);
  });

  it("reports a file that is not an object", () => {
    const document = parseLegacyHook("[1]");
    expect(document.diagnostics.map((d) => d.code)).toEqual(["hook-invalid-shape"]);
  });

  it("never throws and round-trips any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant(lintOnSave.slice(0, 80))), (text) => {
        expect(serializeDocument(parseLegacyHook(text))).toBe(text);
        expect(serializeDocument(parseHookFile(text))).toBe(text);
      }),
    );
  });
});

describe("parseHookFile (Kiro 1.0)", () => {
  const v1 = `{"version": "v1", "hooks": [
  {"name": "lint-on-save", "trigger": "PostFileSave", "matcher": "\\\\.ts$",
   "action": {"type": "command", "command": "npm run lint"}, "timeout": 30, "enabled": true},
  {"name": "review", "trigger": "Stop", "action": {"type": "agent", "prompt": "Review"}, "extra": 1}
]}`;

  it("reads hooks", () => {
    const document = parseHookFile(v1);
    expect(document.diagnostics).toEqual([]);
    expect(document.hookFile?.hooks.map((hook) => [hook.name, hook.trigger, hook.action.type])).toEqual([
      ["lint-on-save", "PostFileSave", "command"],
      ["review", "Stop", "agent"],
    ]);
    expect(document.hookFile?.hooks[0]?.matcher).toBe("\\.ts$");
    expect(document.hookFile?.hooks[1]?.extra).toBe(1);
  });

  it("reports another version and shape problems", () => {
    const version = parseHookFile('{"version": "v2", "hooks": []}');
    expect(version.diagnostics).toMatchObject([
      { code: "hook-file-version", severity: "warning", location: { column: 13 } },
    ]);
    const shape = parseHookFile('{"version": "v1", "hooks": [{"name": "a", "action": {"type": "command"}}]}');
    expect(shape.diagnostics.map((d) => d.message)).toEqual([
      'hooks[0]: required property "trigger" is missing.',
      'hooks[0].action.command: the "command" action needs a "command".',
    ]);
  });
});

describe("hook vocabulary", () => {
  it("classifies documented, observed and unknown names", () => {
    expect(classifyLegacyTrigger("fileEdited")).toBe("documented");
    expect(classifyLegacyTrigger("manual")).toBe("observed");
    expect(classifyLegacyTrigger("onSave")).toBe("unknown");
    expect(classifyLegacyAction("runCommand")).toBe("documented");
    expect(classifyLegacyAction("shell")).toBe("observed");
    expect(classifyLegacyAction("email")).toBe("unknown");
  });
});

describe("migrateLegacyHook", () => {
  it("converts a file hook to its v1 equivalent", () => {
    const hook = parseLegacyHook(lintOnSave).hook;
    if (!hook) throw new Error("fixture must parse");
    const migration = migrateLegacyHook(hook);
    expect(migration).toEqual({
      hook: {
        name: "lint-on-save",
        trigger: "PostFileSave",
        matcher: "^(?:src/(?:.*/)?[^/]*\\.ts|(?:.*/)?[^/]*\\.(?:js|jsx))$",
        action: { type: "command", command: "npm run lint" },
        timeout: 30,
        enabled: true,
      },
      exact: true,
      notes: [],
    });
    const matcher = new RegExp(migration.hook.matcher ?? "");
    expect(["src/a/b.ts", "src/b.ts", "web/x.jsx", "x.js"].every((path) => matcher.test(path))).toBe(true);
    expect(["lib/a.ts", "src/a.tsx", "x.json"].some((path) => matcher.test(path))).toBe(false);
  });

  it("keeps the name of a trigger v1 lacks and says so", () => {
    const hook = parseLegacyHook(
      '{"name": "Sync Docs", "enabled": false, "when": {"type": "userTriggered"}, "then": {"type": "askAgent", "prompt": "Sync"}}',
    ).hook;
    if (!hook) throw new Error("fixture must parse");
    const migration = migrateLegacyHook(hook);
    expect(migration.hook).toEqual({
      name: "sync-docs",
      trigger: "userTriggered",
      action: { type: "agent", prompt: "Sync" },
      enabled: false,
    });
    expect(migration.exact).toBe(false);
    expect(migration.notes).toHaveLength(1);
  });

  it("maps sendMessage and tool types with notes", () => {
    const hook = parseLegacyHook(
      '{"name": "W", "when": {"type": "preToolUse", "toolTypes": ["write"]}, "then": {"type": "sendMessage", "message": "m"}}',
    ).hook;
    if (!hook) throw new Error("fixture must parse");
    const migration = migrateLegacyHook(hook);
    expect(migration.hook).toMatchObject({
      trigger: "PreToolUse",
      matcher: "write",
      action: { type: "agent", prompt: "m" },
    });
    expect(migration.notes).toHaveLength(2);
  });

  it("turns globs into regexes and names into slugs", () => {
    expect(globToRegexSource("**/*.py")).toBe("^(?:.*/)?[^/]*\\.py$");
    expect(new RegExp(globToRegexSource("a?/[!x]*.md")).test("ab/y.md")).toBe(true);
    expect(new RegExp(globToRegexSource("a?/[!x]*.md")).test("ab/x.md")).toBe(false);
    expect(globsToRegexSource(["a", "b"])).toBe("^(?:a|b)$");
    expect(toHookName("  Lint Python on Save! ")).toBe("lint-python-on-save");
    expect(toHookName("文档同步")).toBe("文档同步");
    expect(toHookName("!!!")).toBe("hook");
  });
});
