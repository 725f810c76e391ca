import { describe, expect, it } from "vitest";
import { hooksRules } from "../../../src/rules/hooks/index.js";
import { corpusDiagnostics, corpusWorkspaces, countByRule } from "../steering/corpus-workspaces.js";

describe("hook rules on the real corpus", () => {
  const diagnostics = corpusDiagnostics(hooksRules);

  it("gives every 0.x hook a migration notice and nothing else", () => {
    console.log("hook rules on the corpus:", countByRule(diagnostics));
    const legacyHooks = corpusWorkspaces().reduce((sum, { model }) => sum + model.legacyHooks.length, 0);
    expect(legacyHooks).toBe(63);
    // The corpus hooks are all readable; `manual`, `agentComplete`, `shell` and `sendMessage` are undocumented
    // but written by Kiro itself, so they are not reported as unknown.
    expect(diagnostics.filter((diagnostic) => diagnostic.rule !== "hooks/legacy-format")).toEqual([]);
    expect(diagnostics).toHaveLength(63);
    expect(diagnostics.every((diagnostic) => diagnostic.severity === "info")).toBe(true);
  });

  it("spells out a v1 file that the v1 hook parser reads back", () => {
    const lint = diagnostics.find((diagnostic) =>
      diagnostic.file.endsWith("LLMManager/.kiro/hooks/lint-on-save.kiro.hook"),
    );
    expect(lint?.message).toBe('Hook "Lint Python on Save" is in the Kiro 0.x format, which Kiro 1.0 no longer runs.');
    const json = lint?.fix.slice(lint.fix.indexOf("{"));
    expect(JSON.parse(json ?? "")).toMatchObject({
      version: "v1",
      hooks: [{ name: "lint-python-on-save", trigger: "PostFileSave", action: { type: "command" } }],
    });
  });
});
