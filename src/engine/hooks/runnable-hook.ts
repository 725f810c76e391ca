import { globsToRegexSource } from "../../model/hooks/glob-to-regex.js";
import { FILE_EVENTS, type HookEvent, hookEventOf, TOOL_EVENTS } from "../../model/hooks/hook-events.js";
import type { HookSummary } from "./list-hooks.js";
import { TOOL_CATEGORIES } from "./tool-categories.js";

/** The default time-out of a hook's command when its file gives none. */
export const DEFAULT_HOOK_TIMEOUT_MS = 60_000;

export type HookAction =
  | { readonly kind: "command"; readonly command: string }
  | { readonly kind: "agent"; readonly prompt: string };

/** A hook ready to run: its event, what it matches and what it does. */
export interface RunnableHook {
  readonly name: string;
  readonly file: string;
  readonly format: "v1" | "legacy";
  readonly trigger: string;
  /** Undefined when the trigger maps to no event: such a hook never runs (check says why). */
  readonly event: HookEvent | undefined;
  /** On the file path (file events) or the tool name (tool events); undefined matches everything. */
  readonly matcher: RegExp | undefined;
  /** The matcher as written, for people. */
  readonly matcherText: string | undefined;
  readonly action: HookAction | undefined;
  readonly timeoutMs: number;
  readonly enabled: boolean;
}

/** Turns a listed hook into a runnable one; a matcher that is no valid regex matches nothing (check reports it). */
export function toRunnableHook(summary: HookSummary): RunnableHook {
  const event = hookEventOf(summary.format, summary.trigger);
  const matcherText = matcherSource(summary, event);
  return {
    name: summary.name,
    file: summary.file,
    format: summary.format,
    trigger: summary.trigger,
    event,
    matcher: matcherText === undefined ? undefined : compile(matcherText),
    matcherText,
    action: actionOf(summary),
    timeoutMs: summary.timeout !== undefined && summary.timeout > 0 ? summary.timeout * 1000 : DEFAULT_HOOK_TIMEOUT_MS,
    enabled: summary.enabled,
  };
}

/** Whether the hook runs for this event and subject (the file path or the tool name). */
export function hookMatches(hook: RunnableHook, event: HookEvent, subject: string | undefined): boolean {
  if (!hook.enabled || hook.event !== event || hook.action === undefined) return false;
  if (hook.matcher === undefined) return true;
  if (subject === undefined) return !FILE_EVENTS.includes(event) && !TOOL_EVENTS.includes(event);
  return hook.matcher.test(subject);
}

/** The hooks that run for an event, in file order. */
export function hooksFor(hooks: readonly RunnableHook[], event: HookEvent, subject?: string): readonly RunnableHook[] {
  return hooks.filter((hook) => hookMatches(hook, event, subject));
}

function matcherSource(summary: HookSummary, event: HookEvent | undefined): string | undefined {
  if (summary.format === "v1") return summary.matcher;
  if (summary.patterns !== undefined && summary.patterns.length > 0) return globsToRegexSource(summary.patterns);
  const tools = summary.toolTypes ?? [];
  if (tools.length === 0 || (event !== undefined && !TOOL_EVENTS.includes(event))) return undefined;
  const names = tools.flatMap((entry) => TOOL_CATEGORIES[entry] ?? [entry]);
  if (names.includes("*")) return undefined;
  return `^(?:${names.join("|")})$`;
}

function compile(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    return /(?!)/;
  }
}

function actionOf(summary: HookSummary): HookAction | undefined {
  const { type, command, prompt } = summary.action;
  if ((type === "command" || type === "runCommand" || type === "shell") && command !== undefined) {
    return { kind: "command", command };
  }
  if ((type === "agent" || type === "askAgent" || type === "sendMessage") && prompt !== undefined) {
    return { kind: "agent", prompt };
  }
  return undefined;
}
