import { describe, expect, it } from "vitest";
import { ALL_RULES } from "../../../src/rules/all-rules.js";
import { runRules } from "../../../src/rules/run-rules.js";
import { mcpHeaderKey } from "../../../src/rules/settings/mcp-header-key.js";
import { mcpSchema } from "../../../src/rules/settings/mcp-schema.js";
import { specwrightSchema } from "../../../src/rules/settings/specwright-schema.js";
import { findingsOf, workspaceOf } from "../../helpers/workspace-model.js";

const MCP = ".kiro/settings/mcp.json";
const SETTINGS = ".kiro/settings/specwright.json";

const mcp = (servers: object) => JSON.stringify({ mcpServers: servers }, null, 2);

describe("settings/mcp-schema", () => {
  it("reports a JSON syntax error at its position", () => {
    expect(findingsOf(mcpSchema, { [MCP]: '{\n  "mcpServers": {}\n  "globalSettings": {}\n}' })).toMatchObject([
      { location: { line: 3, column: 3 }, severity: "error", message: "Expected a comma." },
    ]);
  });

  it("reports a wrong type at the value and a server with neither command nor url at its name", () => {
    const findings = findingsOf(mcpSchema, {
      [MCP]: mcp({ fetch: { command: "uvx", args: "mcp-server-fetch" }, empty: { disabled: true } }),
    });
    expect(findings).toMatchObject([
      { location: { line: 5 }, message: expect.stringContaining("mcpServers.fetch.args") },
    ]);
    const incomplete = findingsOf(mcpSchema, { [MCP]: mcp({ empty: { disabled: true } }) });
    expect(incomplete).toMatchObject([
      {
        location: { line: 3, column: 5, endColumn: 12 },
        message: expect.stringContaining('neither a "command" nor a "url"'),
      },
    ]);
  });

  it("accepts local and url-only servers with Kiro's extra keys", () => {
    const text = JSON.stringify({
      mcpServers: {
        fetch: { command: "uvx", args: ["mcp-server-fetch"], env: { LOG: "ERROR" }, disabledTools: [], timeout: 60000 },
        remote: { url: "https://example.com/mcp", headers: { Authorization: "Bearer $TOKEN" }, transport: "http" },
      },
      globalSettings: { retries: 3 },
    });
    expect(findingsOf(mcpSchema, { [MCP]: text })).toEqual([]);
  });
});

describe("settings/mcp-header-key", () => {
  it("warns about a singular `header` that carries headers, at the key", () => {
    const findings = findingsOf(mcpHeaderKey, {
      [MCP]: mcp({ remote: { url: "https://example.com/mcp", header: { Authorization: "Bearer x" } } }),
    });
    expect(findings).toMatchObject([{ location: { line: 5, column: 7 }, severity: "warning" }]);
    expect(findings[0]?.fix).toBe('Rename "header" to "headers".');
  });

  it("only notes an empty `header`, which loses nothing", () => {
    const findings = findingsOf(mcpHeaderKey, {
      [MCP]: mcp({ remote: { url: "https://example.com/mcp", header: {} } }),
    });
    expect(findings).toMatchObject([{ severity: "info", message: expect.stringContaining("empty") }]);
  });

  it("accepts `headers`", () => {
    expect(findingsOf(mcpHeaderKey, { [MCP]: mcp({ remote: { url: "https://x", headers: { A: "b" } } }) })).toEqual([]);
  });
});

describe("settings/specwright-schema", () => {
  it("reports an unknown key and an unknown severity", () => {
    const text = '{\n  "rule": {},\n  "rules": { "hooks/legacy-format": "loud" }\n}';
    const findings = findingsOf(specwrightSchema, { [SETTINGS]: text });
    expect(findings.map((finding) => finding.location.line).sort()).toEqual([2, 3]);
    expect(findings.map((finding) => finding.message).join("\n")).toContain('unknown property "rule"');
  });

  it("reports JSON syntax", () => {
    expect(findingsOf(specwrightSchema, { [SETTINGS]: '{ "rules": { } ' })).toMatchObject([{ severity: "error" }]);
  });

  it("accepts valid settings, and is the id run-rules reports unknown rule ids under", () => {
    const text = JSON.stringify({ rules: { "hooks/legacy-format": "off", "steering/invalid-glob": "warning" } });
    expect(findingsOf(specwrightSchema, { [SETTINGS]: text })).toEqual([]);
    const typo = runRules(
      workspaceOf({ [SETTINGS]: JSON.stringify({ rules: { "hooks/legacy-formats": "off" } }) }),
      ALL_RULES,
    );
    expect(typo).toMatchObject([
      { rule: "settings/specwright-schema", message: expect.stringContaining("hooks/legacy-format") },
    ]);
  });
});
