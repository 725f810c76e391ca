import { describe, expect, it } from "vitest";
import { mergeJsonServer } from "../../../src/mcp/install/merge-json-server.js";

const entry = { command: "npx", args: ["-y", "specwright", "mcp"] };

describe("mergeJsonServer", () => {
  it("creates the file's content when there is none", () => {
    const merged = mergeJsonServer("", "mcpServers", "specwright", entry);
    expect(merged).toMatchObject({ ok: true, changed: true, replaced: false });
    if (!merged.ok) return;
    expect(JSON.parse(merged.text)).toEqual({ mcpServers: { specwright: entry } });
    expect(merged.text.endsWith("\n")).toBe(true);
  });

  it("keeps every other server, key and comment byte for byte", () => {
    const text = `{
    // team servers
    "inputs": [],
    "servers": {
        "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" }
    }
}
`;
    const merged = mergeJsonServer(text, "servers", "specwright", { type: "stdio", ...entry });
    if (!merged.ok) throw new Error(merged.message);
    expect(merged.text).toContain('    // team servers\n    "inputs": [],');
    expect(merged.text).toContain('        "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" },');
    // The file's own four-space indentation is used for the new entry.
    expect(merged.text).toContain('\n        "specwright": {\n            "type": "stdio",');
    expect(merged.text.replace(/,\n\s*"specwright": \{[^}]*\}/s, "")).toBe(text);
  });

  it("is idempotent: a second merge changes nothing", () => {
    const once = mergeJsonServer(
      '{ "mcpServers": { "other": { "command": "x" } } }\n',
      "mcpServers",
      "specwright",
      entry,
    );
    if (!once.ok) throw new Error(once.message);
    const twice = mergeJsonServer(once.text, "mcpServers", "specwright", entry);
    expect(twice).toEqual({ ok: true, text: once.text, changed: false, replaced: false });
  });

  it("replaces an older specwright entry and says so", () => {
    const merged = mergeJsonServer(
      '{"mcpServers": {"specwright": {"command": "specwright", "args": ["mcp"]}}}',
      "mcpServers",
      "specwright",
      entry,
    );
    expect(merged).toMatchObject({ ok: true, changed: true, replaced: true });
    if (merged.ok) expect(JSON.parse(merged.text)).toEqual({ mcpServers: { specwright: entry } });
  });

  it("refuses a file it cannot read as a JSON object, rather than overwrite it", () => {
    expect(mergeJsonServer('{ "mcpServers": { ', "mcpServers", "specwright", entry)).toMatchObject({ ok: false });
    expect(mergeJsonServer("[1, 2]", "mcpServers", "specwright", entry)).toMatchObject({ ok: false });
    expect(mergeJsonServer('{ "mcpServers": [] }', "mcpServers", "specwright", entry)).toMatchObject({
      ok: false,
      message: expect.stringContaining('"mcpServers"'),
    });
  });
});
