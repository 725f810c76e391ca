import { z } from "zod";

const StringMap = z.record(z.string(), z.string());

/** One MCP server: a local process (`command`) or a remote endpoint (`url`). Unknown keys are kept. */
export const McpServerSchema = z
  .looseObject({
    command: z.string().optional().describe("Executable of a local (stdio) server, such as `npx` or `uvx`."),
    args: z.array(z.string()).optional().describe("Arguments passed to `command`."),
    env: StringMap.optional().describe(
      "Environment variables for the server process; values may reference other variables.",
    ),
    cwd: z.string().optional().describe("Working directory of the server process."),
    url: z.string().optional().describe("Endpoint of a remote (HTTP/SSE) server."),
    headers: StringMap.optional().describe("HTTP headers sent to a remote server."),
    transport: z.string().optional().describe("Transport of a remote server, such as `http` or `sse`."),
    type: z.string().optional().describe("Transport kind written by some clients (`stdio`)."),
    timeout: z
      .number()
      .optional()
      .describe("Milliseconds (or seconds, depending on the client) to wait for the server."),
    disabled: z.boolean().optional().describe("When true, the server is not started."),
    autoApprove: z.array(z.string()).optional().describe("Tools the agent may call without asking."),
    disabledTools: z.array(z.string()).optional().describe("Tools hidden from the agent."),
    description: z.string().optional().describe("What the server is for."),
  })
  .describe("An MCP server entry of `.kiro/settings/mcp.json`.");

/** `.kiro/settings/mcp.json` (also `~/.kiro/settings/mcp.json`; the workspace file wins). */
export const McpSettingsSchema = z
  .looseObject({
    mcpServers: z.record(z.string(), McpServerSchema).describe("Servers by name."),
    globalSettings: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("Settings for every server (seen: timeout, retries, logLevel)."),
  })
  .describe("Kiro's MCP settings file.");

export type McpServer = z.output<typeof McpServerSchema>;
export type McpSettings = z.output<typeof McpSettingsSchema>;
