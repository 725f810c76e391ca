import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { registerWorkflowPrompts } from "./prompts/register-workflow-prompts.js";
import { registerSpecResources } from "./resources/register-spec-resources.js";
import type { SpecChangeFeed } from "./resources/spec-change-feed.js";
import type { ServerContext } from "./server-context.js";
import { registerApprovalTools } from "./tools/register-approval-tools.js";
import { registerCreateSpecTool } from "./tools/register-create-spec-tool.js";
import { registerLivingResources, registerLivingTools } from "./tools/register-living-tools.js";
import { registerSpecTools } from "./tools/register-spec-tools.js";
import { registerTaskTools } from "./tools/register-task-tools.js";
import { registerWorkspaceTools } from "./tools/register-workspace-tools.js";

export interface SpecwrightServer {
  readonly server: McpServer;
  /** Stops the change notifications and closes the connection. */
  close(): Promise<void>;
}

const INSTRUCTIONS = `Specwright drives spec-driven development on Kiro's .kiro/ files: requirements.md (EARS criteria) → design.md → tasks.md.
Gates: ask the user to approve each document (tool approve, only after they say so) before writing the next; implement one task at a time (start_task → code → complete_task); only complete_task marks a task done, after the project's tests pass. The prompts create-spec, execute-task and refine-spec spell out the workflow.`;

/**
 * The SDK gives each server an Ajv instance of its own (for elicitation answers), ~18 KB a session; one
 * validator, whose compiled schemas are keyed by schema, serves them all.
 */
const sharedValidator = new AjvJsonSchemaValidator();

/**
 * One MCP session's server: every tool, resource and prompt, each calling the engine. One server serves one
 * connection; the HTTP transport creates one per session and shares the change feed.
 */
export function createSpecwrightServer(context: ServerContext, feed?: SpecChangeFeed): SpecwrightServer {
  const server = new McpServer(
    { name: "specwright", title: "Specwright", version: context.version },
    { instructions: INSTRUCTIONS, jsonSchemaValidator: sharedValidator },
  );
  registerSpecTools(server, context);
  registerCreateSpecTool(server, context);
  registerTaskTools(server, context);
  registerApprovalTools(server, context);
  registerWorkspaceTools(server, context);
  registerLivingTools(server, context);
  registerLivingResources(server, context);
  registerWorkflowPrompts(server);
  const stopNotifications = registerSpecResources(server, context, feed);
  return {
    server,
    async close() {
      stopNotifications();
      await server.close();
    },
  };
}
