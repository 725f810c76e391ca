import { describe, expect, it } from "vitest";
import { mergeTomlServer } from "../../../src/mcp/install/merge-toml-server.js";

const entry = { command: "npx", args: ["-y", "specwright", "mcp"] };
const TABLE = '[mcp_servers.specwright]\ncommand = "npx"\nargs = ["-y", "specwright", "mcp"]\n';

function merged(text: string): string {
  const result = mergeTomlServer(text, "mcp_servers", "specwright", entry);
  if (!result.ok) throw new Error(result.message);
  return result.text;
}

describe("mergeTomlServer", () => {
  it("writes the table into an empty file", () => {
    expect(merged("")).toBe(TABLE);
  });

  it("appends the table and keeps every other byte", () => {
    const text = `# Codex project settings
model = "gpt-5"

[mcp_servers.docs]
command = "uvx"
args = ["docs-server"]
[mcp_servers.docs.env]
TOKEN = "x"
`;
    expect(merged(text)).toBe(`${text}\n${TABLE}`);
    expect(merged('model = "gpt-5"')).toBe(`model = "gpt-5"\n\n${TABLE}`);
  });

  it("is idempotent", () => {
    const once = merged('model = "gpt-5"\n');
    expect(mergeTomlServer(once, "mcp_servers", "specwright", entry)).toEqual({
      ok: true,
      text: once,
      changed: false,
      replaced: false,
    });
  });

  it("rewrites command and args of an existing table, keeping its other keys and sub-tables", () => {
    const text = `[mcp_servers.specwright]
command = "specwright"
args = [
  "mcp",
]
startup_timeout_sec = 30 # slow disks

[mcp_servers.specwright.env]
NODE_OPTIONS = "--max-old-space-size=4096"

[mcp_servers.other]
command = "x"
`;
    const result = mergeTomlServer(text, "mcp_servers", "specwright", entry);
    expect(result).toMatchObject({ ok: true, changed: true, replaced: true });
    expect(merged(text)).toBe(`[mcp_servers.specwright]
command = "npx"
args = ["-y", "specwright", "mcp"]
startup_timeout_sec = 30 # slow disks

[mcp_servers.specwright.env]
NODE_OPTIONS = "--max-old-space-size=4096"

[mcp_servers.other]
command = "x"
`);
  });

  it("finds a quoted table name and keeps CRLF line ends", () => {
    const text = '[mcp_servers."specwright"]\r\ncommand = "old"\r\n';
    expect(merged(text)).toBe(
      '[mcp_servers."specwright"]\r\ncommand = "npx"\r\nargs = ["-y", "specwright", "mcp"]\r\n',
    );
  });

  it("refuses a definition it would have to rewrite in another form", () => {
    for (const text of [
      'mcp_servers.specwright.command = "x"\n',
      'mcp_servers = { specwright = { command = "x" } }\n',
      '[mcp_servers]\nspecwright = { command = "x" }\n',
    ]) {
      expect(mergeTomlServer(text, "mcp_servers", "specwright", entry), text).toMatchObject({ ok: false });
    }
  });
});
