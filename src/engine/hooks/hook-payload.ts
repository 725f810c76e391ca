import type { HookEvent } from "../../model/hooks/hook-events.js";

/** What a hook is told about its event: JSON on stdin, and the main fields as `SPECWRIGHT_HOOK_*` variables. */
export interface HookPayload {
  readonly event: HookEvent;
  /** The file the event concerns, relative to the root, `/`-separated (file events, `hook run --file`). */
  readonly file?: string;
  readonly toolName?: string;
  /** The tool's arguments as the model sent them. */
  readonly toolArgs?: unknown;
  /** post-tool-use: the tool's result as the model will see it. */
  readonly toolResult?: unknown;
  readonly spec?: string;
  readonly taskId?: string;
  readonly taskTitle?: string;
  /** prompt-submit: the prompt sent to the agent; agent-stop: its final answer. */
  readonly prompt?: string;
  /** post-task: the task's outcome (status, verification, files, error). */
  readonly outcome?: unknown;
}

/** The full payload a hook receives: the event plus which hook and where. */
export interface HookInput extends HookPayload {
  readonly hook: string;
  readonly root: string;
}

const MAX_VARIABLE_CHARS = 64 * 1024;

/** `SPECWRIGHT_HOOK_*` variables for a command hook: scalars as they are, structures as JSON. */
export function hookEnvironment(input: HookInput): Record<string, string> {
  const variables: Record<string, string> = {
    SPECWRIGHT_HOOK_NAME: input.hook,
    SPECWRIGHT_HOOK_EVENT: input.event,
    SPECWRIGHT_HOOK_ROOT: input.root,
    SPECWRIGHT_HOOK_PAYLOAD: capped(JSON.stringify(input)),
  };
  const add = (name: string, value: unknown) => {
    if (value === undefined) return;
    variables[`SPECWRIGHT_HOOK_${name}`] = capped(typeof value === "string" ? value : JSON.stringify(value));
  };
  add("FILE", input.file);
  add("TOOL_NAME", input.toolName);
  add("TOOL_ARGS", input.toolArgs);
  add("SPEC", input.spec);
  add("TASK_ID", input.taskId);
  add("TASK_TITLE", input.taskTitle);
  add("OUTCOME", input.outcome);
  add("PROMPT", input.prompt);
  return variables;
}

/** One short line for the run log: what the event concerned, never the whole tool result. */
export function summarizePayload(payload: HookPayload): string {
  const parts: string[] = [payload.event];
  if (payload.file !== undefined) parts.push(payload.file);
  if (payload.toolName !== undefined) parts.push(payload.toolName);
  if (payload.spec !== undefined)
    parts.push(`${payload.spec}${payload.taskId === undefined ? "" : ` ${payload.taskId}`}`);
  const status = (payload.outcome as { status?: unknown } | undefined)?.status;
  if (typeof status === "string") parts.push(status);
  return parts.join(" ").slice(0, 200);
}

// Linux refuses an exec whose single variable passes 128 KiB; a huge tool result must not stop the hook.
function capped(text: string): string {
  return text.length <= MAX_VARIABLE_CHARS ? text : `${text.slice(0, MAX_VARIABLE_CHARS)}…`;
}
