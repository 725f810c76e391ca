import { describe, expect, it } from "vitest";
import { settingsRules } from "../../../src/rules/settings/index.js";
import { corpusDiagnostics, corpusWorkspaces, countByRule } from "../steering/corpus-workspaces.js";

describe("settings rules on the real corpus", () => {
  it("accepts every mcp.json, noting only an empty singular `header`", () => {
    const diagnostics = corpusDiagnostics(settingsRules);
    console.log("settings rules on the corpus:", countByRule(diagnostics));
    expect(corpusWorkspaces().filter(({ model }) => model.mcpSettings)).toHaveLength(28);
    expect(diagnostics.map(({ rule, severity, file }) => ({ rule, severity, file }))).toEqual([
      { rule: "settings/mcp-header-key", severity: "info", file: "4792373__ai_code/.kiro/settings/mcp.json" },
    ]);
  });
});
