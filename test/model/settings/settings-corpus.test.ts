import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import { parseMcpSettings, parseSpecConfig } from "../../../src/model/settings/index.js";
import { corpusFiles } from "../../helpers/corpus.js";

const mcpFiles = corpusFiles(/\/\.kiro\/settings\/mcp\.json$/);
const configFiles = corpusFiles(/\/\.kiro\/specs\/[^/]+\/\.config\.kiro$/);

describe("mcp.json corpus", () => {
  it("has the files the corpus README lists", () => expect(mcpFiles.length).toBe(28));

  it("round-trips every file and only flags the singular header key", () => {
    const codes: string[] = [];
    let servers = 0;
    for (const file of mcpFiles) {
      const document = parseMcpSettings(file.text);
      expect(serializeDocument(document), file.name).toBe(file.text);
      expect(document.settings, file.name).toBeDefined();
      servers += document.servers.length;
      codes.push(...document.diagnostics.map((d) => d.code));
    }
    expect(codes).toEqual(["mcp-header-key"]);
    expect(servers).toBeGreaterThan(50);
  });
});

describe(".config.kiro corpus", () => {
  it("has the files the corpus README lists", () => expect(configFiles.length).toBe(22));

  it("reads every file without a diagnostic", () => {
    for (const file of configFiles) {
      const document = parseSpecConfig(file.text);
      expect(serializeDocument(document)).toBe(file.text);
      expect(document.diagnostics, file.name).toEqual([]);
      expect(document.workflowType, file.name).toBeDefined();
    }
    const types = new Set(configFiles.map((file) => parseSpecConfig(file.text).workflowType));
    expect(types).toEqual(new Set(["requirements-first", "design-first", "fast-task"]));
  });
});
