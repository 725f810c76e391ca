/**
 * Trigger and action names of both hook formats, for a rules layer that tells known names from unknown
 * ones. The parsers accept any string: a name missing here is a diagnostic for the rules, not a parse error.
 */

/** `when.type` values Kiro 0.x documents for `.kiro.hook` files. */
export const LEGACY_HOOK_DOCUMENTED_TRIGGERS = [
  "fileEdited",
  "fileCreated",
  "fileDeleted",
  "userTriggered",
  "promptSubmit",
  "agentStop",
  "preToolUse",
  "postToolUse",
  "preTaskExecution",
  "postTaskExecution",
] as const;

/** `when.type` values seen in real `.kiro.hook` files but not in Kiro's documentation. */
export const LEGACY_HOOK_OBSERVED_TRIGGERS = ["manual", "agentComplete"] as const;

export const LEGACY_HOOK_TRIGGERS = [...LEGACY_HOOK_DOCUMENTED_TRIGGERS, ...LEGACY_HOOK_OBSERVED_TRIGGERS] as const;
export type LegacyHookTrigger = (typeof LEGACY_HOOK_TRIGGERS)[number];

/** `then.type` values Kiro 0.x documents. */
export const LEGACY_HOOK_DOCUMENTED_ACTIONS = ["askAgent", "runCommand"] as const;

/** `then.type` values seen in real files but not documented. */
export const LEGACY_HOOK_OBSERVED_ACTIONS = ["shell", "sendMessage"] as const;

export const LEGACY_HOOK_ACTIONS = [...LEGACY_HOOK_DOCUMENTED_ACTIONS, ...LEGACY_HOOK_OBSERVED_ACTIONS] as const;
export type LegacyHookAction = (typeof LEGACY_HOOK_ACTIONS)[number];

/** Triggers of the Kiro 1.0 `.json` hook format (partly unverified: no real file has been seen yet). */
export const HOOK_V1_TRIGGERS = [
  "SessionStart",
  "UserPromptSubmit",
  "PreToolUse",
  "PostToolUse",
  "Stop",
  "PostFileSave",
  "PostFileCreate",
  "PostFileDelete",
  "PreTaskExec",
  "PostTaskExec",
] as const;
export type HookV1Trigger = (typeof HOOK_V1_TRIGGERS)[number];

export const HOOK_V1_ACTIONS = ["command", "agent"] as const;
export type HookV1ActionType = (typeof HOOK_V1_ACTIONS)[number];

/** Whether `when.type` is a trigger Kiro documents, one only seen in real files, or neither. */
export type NameStatus = "documented" | "observed" | "unknown";

export function classifyLegacyTrigger(type: string): NameStatus {
  return classify(type, LEGACY_HOOK_DOCUMENTED_TRIGGERS, LEGACY_HOOK_OBSERVED_TRIGGERS);
}

export function classifyLegacyAction(type: string): NameStatus {
  return classify(type, LEGACY_HOOK_DOCUMENTED_ACTIONS, LEGACY_HOOK_OBSERVED_ACTIONS);
}

export function isHookV1Trigger(name: string): name is HookV1Trigger {
  return (HOOK_V1_TRIGGERS as readonly string[]).includes(name);
}

export function isHookV1ActionType(name: string): name is HookV1ActionType {
  return (HOOK_V1_ACTIONS as readonly string[]).includes(name);
}

function classify(name: string, documented: readonly string[], observed: readonly string[]): NameStatus {
  if (documented.includes(name)) return "documented";
  if (observed.includes(name)) return "observed";
  return "unknown";
}
