import type { Tool, ToolExecutionOptions } from "ai";
import type { AgentToolEvent } from "../../src/engine/agent-tools/agent-tool-events.js";
import {
  type AgentToolkit,
  type CreateAgentToolsOptions,
  createAgentTools,
} from "../../src/engine/agent-tools/create-agent-tools.js";

let callCounter = 0;

/** Calls a tool's execute as the AI SDK would, outside a model loop. */
export async function callTool<INPUT, OUTPUT>(tool: Tool<INPUT, OUTPUT>, input: INPUT): Promise<OUTPUT> {
  if (tool.execute === undefined) throw new Error("the tool has no execute function");
  callCounter += 1;
  const options: ToolExecutionOptions = { toolCallId: `call-${callCounter}`, messages: [] };
  const result = tool.execute(input, options);
  if (typeof result === "object" && result !== null && Symbol.asyncIterator in result) {
    throw new Error("streaming tools are not expected here");
  }
  return await result;
}

/** The agent tools for `root` with their events collected in an array. */
export function toolkitWithEvents(
  options: CreateAgentToolsOptions,
): AgentToolkit & { readonly events: AgentToolEvent[] } {
  const events: AgentToolEvent[] = [];
  const toolkit = createAgentTools({ ...options, onEvent: (event) => events.push(event) });
  return { ...toolkit, events };
}
