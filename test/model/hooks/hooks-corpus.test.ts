import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import {
  classifyLegacyAction,
  classifyLegacyTrigger,
  migrateLegacyHook,
  parseLegacyHook,
} from "../../../src/model/hooks/index.js";
import { corpusFiles } from "../../helpers/corpus.js";

const files = corpusFiles(/\/\.kiro\/hooks\/[^/]+\.kiro\.hook$/);

describe(".kiro.hook corpus", () => {
  it("has the files the corpus README lists", () => {
    expect(files.length).toBe(63);
  });

  it.each(files.map((file) => [file.name, file.text] as const))("%s parses cleanly and round-trips", (_name, text) => {
    const document = parseLegacyHook(text);
    expect(serializeDocument(document)).toBe(text);
    expect(document.diagnostics).toEqual([]);
    const hook = document.hook;
    expect(hook?.name.trim()).not.toBe("");
    expect(hook?.when.type).toMatch(/^[a-zA-Z]+$/);
    expect(hook?.then.type).toMatch(/^[a-zA-Z]+$/);
    if (hook) {
      expect(classifyLegacyTrigger(hook.when.type)).not.toBe("unknown");
      expect(classifyLegacyAction(hook.then.type)).not.toBe("unknown");
      const migrated = migrateLegacyHook(hook).hook;
      expect(migrated.name).toMatch(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$|^hook$/u);
      if (migrated.matcher !== undefined) expect(() => new RegExp(migrated.matcher ?? "")).not.toThrow();
    }
  });

  it("covers the corpus variants", () => {
    const hooks = files.flatMap((file) => parseLegacyHook(file.text).hook ?? []);
    const triggers = new Set(hooks.map((hook) => hook.when.type));
    const actions = new Set(hooks.map((hook) => hook.then.type));
    expect([...triggers].sort()).toEqual(
      ["agentComplete", "agentStop", "fileEdited", "manual", "postTaskExecution", "preToolUse", "userTriggered"].sort(),
    );
    expect([...actions].sort()).toEqual(["askAgent", "runCommand", "sendMessage", "shell"]);
    expect(new Set(hooks.map((hook) => hook.version))).toEqual(new Set(["1", "1.0.0", "2"]));
    expect(files.some((file) => file.text.includes("\r\n"))).toBe(true);
  });
});
