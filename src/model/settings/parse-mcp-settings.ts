import { jsonPathLocation } from "../json/json-path-location.js";
import { extendJsonDocument, type JsonDocument, parseJsonDocument } from "../json/parse-json-document.js";
import type { Diagnostic } from "../source/diagnostic.js";
import type { SourceLocation } from "../source/source-location.js";
import { type McpServer, type McpSettings, McpSettingsSchema } from "./mcp-settings-schema.js";

/** One server entry with where its name sits in the file. */
export interface McpServerEntry {
  readonly name: string;
  readonly server: McpServer;
  /** Location of the server's name (the property key). */
  readonly location: SourceLocation;
}

export interface McpSettingsDocument extends JsonDocument<McpSettings> {
  readonly kind: "mcp-settings";
  readonly settings: McpSettings | undefined;
  readonly servers: readonly McpServerEntry[];
}

export function parseMcpSettings(text: string): McpSettingsDocument {
  const document = parseJsonDocument(text, McpSettingsSchema, {
    code: "mcp-invalid-shape",
    fix: 'Write `{"mcpServers": {"name": {"command": "…", "args": […]}}}` with the types Kiro expects.',
  });
  const diagnostics: Diagnostic[] = [...document.diagnostics];
  const servers: McpServerEntry[] = [];
  for (const [name, server] of Object.entries(document.data?.mcpServers ?? {})) {
    servers.push({ name, server, location: jsonPathLocation(document, ["mcpServers", name], "key") });
    if (server.header !== undefined && server.headers === undefined) {
      diagnostics.push({
        code: "mcp-header-key",
        severity: "warning",
        message: `Server "${name}" has a "header" key; MCP clients read "headers", so these headers are not sent.`,
        fix: 'Rename "header" to "headers".',
        location: jsonPathLocation(document, ["mcpServers", name, "header"], "key"),
      });
    }
    if (server.command === undefined && server.url === undefined) {
      diagnostics.push({
        code: "mcp-server-incomplete",
        severity: "error",
        message: `Server "${name}" has neither a "command" nor a "url", so it cannot be started.`,
        fix: 'Add "command" (and "args") for a local server or "url" for a remote one.',
        location: jsonPathLocation(document, ["mcpServers", name], "key"),
      });
    }
  }
  return extendJsonDocument(
    document,
    {
      kind: "mcp-settings",
      settings: document.data,
      servers,
    },
    diagnostics,
  );
}
