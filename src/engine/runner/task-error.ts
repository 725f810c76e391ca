import { APICallError } from "ai";
import { EngineError } from "../errors/engine-error.js";

export interface TaskError {
  readonly code: string;
  readonly message: string;
  readonly fix: string;
}

/** Whatever stopped a task, as data with a fix; the run stops after it (it would stop the next task too). */
export function describeTaskError(error: unknown): TaskError {
  if (error instanceof EngineError) return { code: error.code, message: error.message, fix: error.fix };
  if (isWorkspaceLike(error)) return { code: error.code, message: error.message, fix: error.fix };
  if (APICallError.isInstance(error)) {
    return {
      code: "model-request-failed",
      message: `The model request failed${error.statusCode ? ` (HTTP ${error.statusCode})` : ""}: ${error.message}`,
      fix: "Check the model's endpoint, key and limits, then run again with --resume.",
    };
  }
  if (error instanceof Error && error.name === "AbortError") {
    return { code: "aborted", message: "The run was interrupted.", fix: "Run again with --resume to go on." };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: "task-error",
    message: `The task stopped: ${message}`,
    fix: "Fix the cause, then run the task again (the task is back to [ ] and its changes are in the checkpoint).",
  };
}

function isWorkspaceLike(error: unknown): error is { code: string; message: string; fix: string } {
  return (
    error instanceof Error &&
    "code" in error &&
    typeof error.code === "string" &&
    "fix" in error &&
    typeof error.fix === "string"
  );
}
