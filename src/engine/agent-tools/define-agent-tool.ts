import type { ToolExecutionOptions } from "ai";
import type { AgentToolContext } from "./agent-tool-context.js";
import type { AgentToolName } from "./agent-tool-events.js";
import { isToolError, type ToolError, toToolError } from "./tool-error.js";

/** One call's identity and cancellation, from the AI SDK's execute options. */
export interface ToolCall {
  readonly toolCallId: string;
  readonly abortSignal: AbortSignal | undefined;
}

/** A tool's result with what the runner logs about it. */
export interface ToolOutcome<OUTPUT> {
  readonly output: OUTPUT | ToolError;
  /** One line for the log, e.g. `120 lines` or `exit 1`. */
  readonly summary: string;
  readonly filesChanged?: readonly string[];
}

export interface AgentToolBehaviour<INPUT, OUTPUT> {
  readonly name: AgentToolName;
  /** One line naming what was asked, for the log. */
  readonly describeInput: (input: INPUT) => string;
  readonly run: (input: INPUT, context: AgentToolContext, call: ToolCall) => Promise<ToolOutcome<OUTPUT>>;
}

/**
 * Runs one tool call so that it never throws: any failure becomes `{ error, hint }` for the model, and
 * every call emits a `tool-call` and a `tool-result` event. Each tool's AI SDK `execute` is this.
 * (Arguments that fail the schema never reach here: the AI SDK hands the model a tool-error part with
 * the validation message, and the loop goes on.)
 */
export async function executeAgentTool<INPUT, OUTPUT>(
  behaviour: AgentToolBehaviour<INPUT, OUTPUT>,
  context: AgentToolContext,
  input: INPUT,
  options: ToolExecutionOptions,
): Promise<OUTPUT | ToolError> {
  const call: ToolCall = { toolCallId: options.toolCallId, abortSignal: options.abortSignal };
  const started = performance.now();
  context.emit({
    type: "tool-call",
    toolCallId: call.toolCallId,
    name: behaviour.name,
    input: describe(behaviour, input),
  });
  let outcome: ToolOutcome<OUTPUT>;
  try {
    outcome = await behaviour.run(input, context, call);
  } catch (error) {
    const failure = toToolError(error);
    outcome = { output: failure, summary: failure.error };
  }
  const ok = !isToolError(outcome.output);
  context.emit({
    type: "tool-result",
    toolCallId: call.toolCallId,
    name: behaviour.name,
    ok,
    summary: ok ? outcome.summary : `error: ${outcome.summary}`,
    bytes: Buffer.byteLength(JSON.stringify(outcome.output) ?? ""),
    filesChanged: outcome.filesChanged ?? [],
    durationMs: Math.round(performance.now() - started),
  });
  return outcome.output;
}

function describe<INPUT, OUTPUT>(behaviour: AgentToolBehaviour<INPUT, OUTPUT>, input: INPUT): string {
  try {
    return behaviour.describeInput(input);
  } catch {
    return behaviour.name;
  }
}
