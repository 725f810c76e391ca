import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import { parseMcpSettings, parseSpecConfig, parseTasksMeta } from "../../../src/model/settings/index.js";

describe("parseMcpSettings", () => {
  it("reads local and remote servers and global settings", () => {
    const text = `{
  "mcpServers": {
    "fetch": {"command": "uvx", "args": ["mcp-server-fetch"], "env": {"K": "$VAR"}, "disabled": false,
              "autoApprove": ["fetch"], "disabledTools": ["x"], "cwd": "tools", "timeout": 60000},
    "remote": {"url": "https://example.com/mcp", "headers": {"Authorization": "Bearer t"}, "transport": "http"}
  },
  "globalSettings": {"timeout": 30000, "retries": 3}
}`;
    const document = parseMcpSettings(text);
    expect(document.diagnostics).toEqual([]);
    expect(document.servers.map((entry) => entry.name)).toEqual(["fetch", "remote"]);
    expect(document.servers[0]?.server).toMatchObject({ command: "uvx", env: { K: "$VAR" }, timeout: 60000 });
    expect(document.servers[1]?.location).toMatchObject({ line: 5, column: 5 });
    expect(document.settings?.globalSettings).toEqual({ timeout: 30000, retries: 3 });
    expect(serializeDocument(document)).toBe(text);
  });

  it("keeps a singular header key and warns about it", () => {
    const text = '{"mcpServers": {\n  "pixso": {"url": "http://127.0.0.1:3667/mcp", "header": {}}\n}}';
    const document = parseMcpSettings(text);
    expect(document.servers[0]?.server.header).toEqual({});
    expect(document.diagnostics).toMatchObject([
      { code: "mcp-header-key", severity: "warning", location: { line: 2, column: 49, endColumn: 57 } },
    ]);
  });

  it("reports servers without command or url and wrong types", () => {
    const incomplete = parseMcpSettings('{"mcpServers": {"x": {"args": []}}}');
    expect(incomplete.diagnostics.map((d) => d.code)).toEqual(["mcp-server-incomplete"]);
    const wrong = parseMcpSettings('{"mcpServers": {"x": {"command": "a", "args": "b", "env": {"N": 1}}}}');
    expect(wrong.diagnostics.map((d) => d.message)).toEqual([
      "mcpServers.x.args: Invalid input: expected array, received string",
      "mcpServers.x.env.N: Invalid input: expected string, received number",
    ]);
    expect(parseMcpSettings("{}").diagnostics.map((d) => d.message)).toEqual([
      '(root): required property "mcpServers" is missing.',
    ]);
  });
});

describe("parseSpecConfig", () => {
  it("reads the current format", () => {
    const document = parseSpecConfig(
      '{"specId": "1c7d9278-032a-4dc8-b043-866c5d7b3fb9", "workflowType": "design-first", "specType": "bugfix"}',
    );
    expect(document.diagnostics).toEqual([]);
    expect([document.workflowType, document.specType]).toEqual(["design-first", "bugfix"]);
  });

  it("reads the older generationMode and defaults specType to feature", () => {
    const document = parseSpecConfig('{"generationMode": "requirements-first"}');
    expect(document.diagnostics).toEqual([]);
    expect([document.workflowType, document.specType]).toEqual(["requirements-first", "feature"]);
  });

  it("reports unknown values where they are written", () => {
    const document = parseSpecConfig('{\n"workflowType": "tasks-first",\n"specType": "epic"}');
    expect(document.diagnostics.map((d) => [d.code, d.location.line, d.location.column])).toEqual([
      ["spec-config-unknown-workflow", 2, 17],
      ["spec-config-unknown-spec-type", 3, 13],
    ]);
    expect(document.workflowType).toBeUndefined();
    expect(parseSpecConfig('{"specId": 3}').diagnostics.map((d) => d.code)).toEqual(["spec-config-invalid-shape"]);
  });
});

describe("parseTasksMeta", () => {
  it("lists the task titles it knows and keeps everything", () => {
    const document = parseTasksMeta(
      '{"pbtResults": {"2.2 Write tests": {"status": "passed"}}, "executionHistory": {"1. Setup": [], "2.2 Write tests": []}, "other": 1}',
    );
    expect(document.diagnostics).toEqual([]);
    expect(document.taskTitles).toEqual(["2.2 Write tests", "1. Setup"]);
    expect(document.meta?.other).toBe(1);
    expect(parseTasksMeta('{"pbtResults": []}').diagnostics.map((d) => d.code)).toEqual(["tasks-meta-invalid-shape"]);
  });
});

describe("settings parsers never throw", () => {
  it("on any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        for (const parse of [parseMcpSettings, parseSpecConfig, parseTasksMeta]) {
          expect(serializeDocument(parse(text))).toBe(text);
        }
      }),
    );
  });
});
