import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { EngineError } from "../../engine/errors/engine-error.js";
import { describeToolFailure } from "../../mcp/tool-result.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";

/** The one error shape of the API: `{error:{code,message,fix}}` (and the closest names, when there are some). */
export interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly fix: string;
  readonly candidates?: readonly string[];
}

export function apiError(c: Context, status: ContentfulStatusCode, error: ApiError): Response {
  return c.json({ error: error }, status);
}

const NOT_FOUND_CODES = new Set(["unknown-spec", "unknown-task", "no-checkpoint", "not-found", "unknown-root"]);

/** An engine or workspace error with the status it deserves; anything else is a 500 without its stack. */
export function errorResponse(c: Context, error: unknown, log: (message: string) => void): Response {
  const body = errorBody(error);
  if (body.code === "internal-error") log(`specwright ui: request failed: ${body.message}`);
  const status = errorStatus(error);
  // The rest of a body too large is not read: the connection closes rather than draining it.
  if (status === 413) c.header("Connection", "close");
  return apiError(c, status, body);
}

export function errorStatus(error: unknown): ContentfulStatusCode {
  if (error instanceof EngineError) {
    if (error.code === "body-too-large") return 413;
    return NOT_FOUND_CODES.has(error.code) ? 404 : error.kind === "usage" ? 400 : 409;
  }
  if (isWorkspaceError(error)) return NOT_FOUND_CODES.has(error.code) ? 404 : 409;
  // A sandbox path refusal and the like: a refusal with a fix, not a failure of the server.
  return errorBody(error).code === "internal-error" ? 500 : 409;
}

/**
 * What the API says about a failure: the engine's own code, message and fix, described as the MCP server
 * describes a failed tool call (the same errors reach both surfaces).
 */
export function errorBody(error: unknown): ApiError {
  const { candidates, ...failure } = describeToolFailure(error);
  if (failure.code === "internal-error") {
    return { ...failure, fix: "See the log of `specwright ui` and report it with what you did." };
  }
  return { ...failure, ...(candidates.length > 0 ? { candidates } : {}) };
}
