import { codes, diagnosticFindings } from "../diagnostic-findings.js";
import { defineRule } from "../rule.js";

export const mcpSchema = defineRule({
  id: "settings/mcp-schema",
  family: "settings",
  severity: "error",
  summary:
    "`.kiro/settings/mcp.json` is not valid JSON, does not match the MCP settings shape, or has a server with neither `command` nor `url`.",
  fix: 'Write `{"mcpServers": {"<name>": {"command": "npx", "args": ["-y", "<package>"]}}}` (or `"url"` for a remote server).',
  check: (workspace) =>
    diagnosticFindings([workspace.mcpSettings], codes("json-syntax", "mcp-invalid-shape", "mcp-server-incomplete")),
});
