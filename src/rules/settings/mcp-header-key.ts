import { jsonPathLocation } from "../../model/json/json-path-location.js";
import { defineRule } from "../rule.js";

function isEmptyObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.keys(value).length === 0;
}

export const mcpHeaderKey = defineRule({
  id: "settings/mcp-header-key",
  family: "settings",
  severity: "warning",
  summary: 'An MCP server in mcp.json has a singular `"header"` key; clients read `"headers"`, so nothing is sent.',
  fix: 'Rename `"header"` to `"headers"`.',
  *check(workspace) {
    const file = workspace.mcpSettings;
    if (!file) return;
    const document = file.document;
    for (const diagnostic of document.diagnostics) {
      if (diagnostic.code !== "mcp-header-key") continue;
      const entry = document.servers.find(
        ({ name }) =>
          jsonPathLocation(document, ["mcpServers", name, "header"], "key").offset === diagnostic.location.offset,
      );
      // `"header": {}` loses nothing: untidy, not a bug, so a notice rather than a warning.
      const empty = entry !== undefined && isEmptyObject(entry.server.header);
      yield {
        file: file.path,
        location: diagnostic.location,
        message: empty
          ? `Server "${entry.name}" has an empty "header" key, which MCP clients ignore ("headers" is the key they read).`
          : diagnostic.message,
        fix: empty
          ? 'Remove `"header": {}`, or rename it to `"headers"` when the server needs headers.'
          : (diagnostic.fix ?? 'Rename "header" to "headers".'),
        severity: empty ? "info" : diagnostic.severity,
      };
    }
  },
});
