import { PathRefusedError } from "../../workspace/sandbox/path-refused-error.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";
import { EngineError } from "../errors/engine-error.js";

/** A failed tool call as the model sees it: what went wrong and what to do instead. Never a throw. */
export interface ToolError {
  readonly error: string;
  readonly hint: string;
}

export function toolError(error: string, hint: string): ToolError {
  return { error, hint };
}

export function isToolError(value: unknown): value is ToolError {
  return typeof value === "object" && value !== null && "error" in value && "hint" in value;
}

/** Any failure turned into data for the model; known errors keep their fix as the hint. */
export function toToolError(error: unknown): ToolError {
  if (error instanceof PathRefusedError || error instanceof EngineError || isWorkspaceError(error)) {
    return { error: error.message, hint: error.fix };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { error: message, hint: "Check the arguments and try again, or take another approach." };
}
