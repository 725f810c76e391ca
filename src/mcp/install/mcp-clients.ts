/** The clients `specwright mcp install` knows, and where each keeps its project-level MCP servers. */
export const MCP_CLIENTS = ["claude-code", "cursor", "vscode", "kiro", "codex", "gemini"] as const;
export type McpClient = (typeof MCP_CLIENTS)[number];

export interface ClientConfigTarget {
  readonly client: McpClient;
  /** The project's config file, relative to the project root, `/`-separated. */
  readonly file: string;
  readonly format: "json" | "toml";
  /** The object (JSON) or table prefix (TOML) that maps server names to servers. */
  readonly key: "mcpServers" | "servers" | "mcp_servers";
  /** The server entry Specwright adds under its name. */
  readonly entry: Readonly<Record<string, unknown>>;
}

export const SERVER_NAME = "specwright";

const COMMAND = "npx";
const ARGS = ["-y", "specwright", "mcp"];
/** VS Code expands this variable itself; it is a literal here, not a template. */
const VSCODE_WORKSPACE_FOLDER = ["$", "{workspaceFolder}"].join("");

/**
 * Formats as each client documents them (checked 2026-11): Claude Code `.mcp.json` (project scope), Cursor
 * `.cursor/mcp.json`, VS Code `.vscode/mcp.json` (`servers`, `type` required, `${workspaceFolder}`
 * expanded), Kiro `.kiro/settings/mcp.json`, Codex `.codex/config.toml` (`[mcp_servers.<name>]`, read in
 * trusted projects), Gemini CLI `.gemini/settings.json`. The others start a stdio server in the project
 * folder, where Specwright finds `.kiro/` by itself.
 */
export function clientConfigTarget(client: McpClient): ClientConfigTarget {
  const plain = { command: COMMAND, args: ARGS };
  switch (client) {
    case "claude-code":
      return { client, file: ".mcp.json", format: "json", key: "mcpServers", entry: plain };
    case "cursor":
      return { client, file: ".cursor/mcp.json", format: "json", key: "mcpServers", entry: plain };
    case "vscode":
      return {
        client,
        file: ".vscode/mcp.json",
        format: "json",
        key: "servers",
        entry: { type: "stdio", command: COMMAND, args: [...ARGS, "--root", VSCODE_WORKSPACE_FOLDER] },
      };
    case "kiro":
      return { client, file: ".kiro/settings/mcp.json", format: "json", key: "mcpServers", entry: plain };
    case "codex":
      return { client, file: ".codex/config.toml", format: "toml", key: "mcp_servers", entry: plain };
    case "gemini":
      return { client, file: ".gemini/settings.json", format: "json", key: "mcpServers", entry: plain };
  }
}

export function isMcpClient(value: string): value is McpClient {
  return MCP_CLIENTS.some((client) => client === value);
}
