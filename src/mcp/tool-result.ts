import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { EngineError } from "../engine/errors/engine-error.js";
import { isWorkspaceError } from "../workspace/workspace-error.js";

/** A failure as a tool reports it: what happened, what to do, and the closest valid ids when there are some. */
export interface ToolFailure {
  readonly code: string;
  readonly message: string;
  readonly fix: string;
  readonly candidates: readonly string[];
}

/** A successful call: the structured result (checked against the tool's output schema) and a text for the model. */
export function toolSuccess(structured: Record<string, unknown>, text?: string): CallToolResult {
  return {
    content: [{ type: "text", text: text ?? JSON.stringify(structured, null, 2) }],
    structuredContent: structured,
  };
}

export function describeToolFailure(error: unknown): ToolFailure {
  if (error instanceof EngineError) {
    return { code: error.code, message: error.message, fix: error.fix, candidates: error.candidates };
  }
  if (isWorkspaceError(error)) return { code: error.code, message: error.message, fix: error.fix, candidates: [] };
  // Path refusals of the sandbox carry a code and a fix the same way.
  if (error instanceof Error && hasCodeAndFix(error)) {
    return { code: error.code, message: error.message, fix: error.fix, candidates: [] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: "internal-error",
    message: `Specwright failed unexpectedly: ${message}`,
    fix: "Report it with the tool call that caused it; the server keeps running.",
    candidates: [],
  };
}

/**
 * A tool error: `isError` with the message, the fix and the candidates as text the model reads. There is
 * no structured content, because a client checks structured content against the success schema.
 */
export function toolError(error: unknown): CallToolResult {
  const failure = describeToolFailure(error);
  const lines = [failure.message, `Fix: ${failure.fix}`];
  if (failure.candidates.length > 0) lines.push(`Closest matches: ${failure.candidates.join(", ")}`);
  return {
    isError: true,
    content: [{ type: "text", text: lines.join("\n") }],
    _meta: { "specwright/error": { code: failure.code, fix: failure.fix, candidates: [...failure.candidates] } },
  };
}

/** Runs a tool body and turns whatever it throws into a tool error, so one bad call never ends the session. */
export async function runTool(body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    return toolError(error);
  }
}

function hasCodeAndFix(error: Error): error is Error & { code: string; fix: string } {
  return "code" in error && typeof error.code === "string" && "fix" in error && typeof error.fix === "string";
}
