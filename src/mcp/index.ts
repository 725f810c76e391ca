/**
 * The MCP server as a library entry of its own (`specwright/mcp`), so importing `specwright` does not load
 * the MCP SDK.
 */
export { createSpecwrightServer, type SpecwrightServer } from "./create-server.js";
export type { ServerContext } from "./server-context.js";
