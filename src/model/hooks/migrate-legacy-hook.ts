import { globsToRegexSource } from "./glob-to-regex.js";
import type { HookV1, HookV1Action } from "./hook-file-schema.js";
import type { HookV1Trigger } from "./hook-vocabulary.js";
import type { LegacyHook } from "./legacy-hook-schema.js";

/** How 0.x `when.type` values map to Kiro 1.0 triggers; absent types have no equivalent. */
export const LEGACY_TRIGGER_TO_V1: Readonly<Record<string, HookV1Trigger>> = {
  fileEdited: "PostFileSave",
  fileCreated: "PostFileCreate",
  fileDeleted: "PostFileDelete",
  promptSubmit: "UserPromptSubmit",
  agentStop: "Stop",
  agentComplete: "Stop",
  preToolUse: "PreToolUse",
  postToolUse: "PostToolUse",
  preTaskExecution: "PreTaskExec",
  postTaskExecution: "PostTaskExec",
};

/** The result of converting one 0.x hook: the v1 hook and what could not be carried over exactly. */
export interface LegacyHookMigration {
  readonly hook: HookV1;
  /** `false` when part of the hook has no v1 equivalent; `notes` says which. */
  readonly exact: boolean;
  readonly notes: readonly string[];
}

/**
 * Converts a Kiro 0.x hook into its Kiro 1.0 equivalent (pure: nothing is written). Triggers without a v1
 * name (`userTriggered`, `manual`) keep their 0.x name so the result is visibly unsupported rather than wrong.
 */
export function migrateLegacyHook(legacy: LegacyHook): LegacyHookMigration {
  const notes: string[] = [];
  const trigger = LEGACY_TRIGGER_TO_V1[legacy.when.type];
  if (!trigger) notes.push(`Kiro 1.0 has no trigger for "${legacy.when.type}"; the hook keeps that name.`);
  const action = migrateAction(legacy, notes);
  const patterns = legacy.when.patterns ?? [];
  const toolTypes = legacy.when.toolTypes ?? [];
  let matcher: string | undefined;
  if (patterns.length > 0) matcher = globsToRegexSource(patterns);
  else if (toolTypes.length > 0) {
    matcher = toolTypes.join("|");
    notes.push("Tool categories became a matcher on tool names; check that it matches the tools meant.");
  }
  const hook: HookV1 = {
    name: toHookName(legacy.name),
    trigger: trigger ?? legacy.when.type,
    ...(matcher === undefined ? {} : { matcher }),
    action,
    ...(legacy.then.timeout === undefined ? {} : { timeout: legacy.then.timeout }),
    enabled: legacy.enabled ?? true,
  };
  return { hook, exact: notes.length === 0, notes };
}

function migrateAction(legacy: LegacyHook, notes: string[]): HookV1Action {
  const then = legacy.then;
  switch (then.type) {
    case "runCommand":
    case "shell":
      return { type: "command", command: then.command ?? "" };
    case "askAgent":
      return { type: "agent", prompt: then.prompt ?? "" };
    case "sendMessage":
      notes.push("A sendMessage action became an agent prompt.");
      return { type: "agent", prompt: then.message ?? "" };
    default:
      notes.push(`Kiro 1.0 has no action for "${then.type}"; it became an agent prompt.`);
      return { type: "agent", prompt: then.prompt ?? then.message ?? then.command ?? "" };
  }
}

/** `Lint Python on Save` → `lint-python-on-save`. */
export function toHookName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "hook" : slug;
}
