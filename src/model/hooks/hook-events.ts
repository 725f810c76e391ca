/**
 * Specwright's hook events: one vocabulary for both of Kiro's formats (docs/hooks.md has the table).
 * - `file-saved` / `file-created` / `file-deleted`: `specwright watch`, or `specwright hook run --file`;
 * - `manual`: `specwright hook run`;
 * - `prompt-submit` / `agent-stop` / `session-start`: around Specwright's own agent loop;
 * - `pre-tool-use` / `post-tool-use`: around each agent tool call;
 * - `pre-task` / `post-task`: around each task of `specwright run`.
 */
export const HOOK_EVENTS = [
  "file-saved",
  "file-created",
  "file-deleted",
  "manual",
  "prompt-submit",
  "agent-stop",
  "session-start",
  "pre-tool-use",
  "post-tool-use",
  "pre-task",
  "post-task",
] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];

/** Kiro 0.x `when.type` → event. */
export const LEGACY_TRIGGER_EVENTS: Readonly<Record<string, HookEvent>> = {
  fileEdited: "file-saved",
  fileCreated: "file-created",
  fileDeleted: "file-deleted",
  userTriggered: "manual",
  manual: "manual",
  promptSubmit: "prompt-submit",
  agentStop: "agent-stop",
  agentComplete: "agent-stop",
  preToolUse: "pre-tool-use",
  postToolUse: "post-tool-use",
  preTaskExecution: "pre-task",
  postTaskExecution: "post-task",
};

/** Kiro 1.0 `trigger` → event. */
export const V1_TRIGGER_EVENTS: Readonly<Record<string, HookEvent>> = {
  SessionStart: "session-start",
  UserPromptSubmit: "prompt-submit",
  PreToolUse: "pre-tool-use",
  PostToolUse: "post-tool-use",
  Stop: "agent-stop",
  PostFileSave: "file-saved",
  PostFileCreate: "file-created",
  PostFileDelete: "file-deleted",
  PreTaskExec: "pre-task",
  PostTaskExec: "post-task",
  // Kiro 1.0 has no manual trigger of its own; the 0.x names are accepted so a half-migrated file still runs.
  Manual: "manual",
};

/** The event a hook's trigger stands for; undefined for a trigger no event matches (check reports it). */
export function hookEventOf(format: "v1" | "legacy", trigger: string): HookEvent | undefined {
  return (format === "v1" ? V1_TRIGGER_EVENTS : LEGACY_TRIGGER_EVENTS)[trigger];
}

export const FILE_EVENTS: readonly HookEvent[] = ["file-saved", "file-created", "file-deleted"];
export const TOOL_EVENTS: readonly HookEvent[] = ["pre-tool-use", "post-tool-use"];

/** Events whose hook may stop what is about to happen by exiting 2. */
export const BLOCKING_EVENTS: readonly HookEvent[] = ["pre-tool-use", "pre-task"];
