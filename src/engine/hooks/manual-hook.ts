import { isAbsolute, relative, sep } from "node:path";
import { FILE_EVENTS } from "../../model/hooks/hook-events.js";
import { EngineError } from "../errors/engine-error.js";
import { describeCommandSandbox } from "../sandbox/command-sandbox.js";
import type { HookContext } from "./hook-context.js";
import { type HookInput, type HookPayload, hookEnvironment } from "./hook-payload.js";
import type { HookRunResult } from "./hook-run-result.js";
import { noActionError, runHook } from "./run-hook.js";
import type { RunnableHook } from "./runnable-hook.js";

/** The hook of that name (Kiro 0.x names match in their kebab form too); refuses with the names there are. */
export function findHook(context: HookContext, name: string): RunnableHook {
  const wanted = name.trim().toLowerCase();
  const hook = context.hooks.find(
    (candidate) => candidate.name.toLowerCase() === wanted || kebab(candidate.name) === wanted,
  );
  if (hook !== undefined) return hook;
  throw new EngineError({
    code: "hook-not-found",
    kind: "usage",
    message: `There is no hook named "${name}".`,
    fix: "Run `specwright hook list` for the hooks of this workspace.",
    candidates: context.hooks.map((candidate) => candidate.name),
  });
}

/**
 * The payload of a manual run: as the manual trigger, or with `file` as if that file was saved (a file
 * hook keeps its own created/saved/deleted event).
 */
export function manualPayload(context: HookContext, hook: RunnableHook, file?: string): HookPayload {
  if (file === undefined) return { event: "manual" };
  const relativePath = isAbsolute(file) ? relative(context.root, file) : file;
  const path = relativePath.split(sep).join("/");
  const event = hook.event !== undefined && FILE_EVENTS.includes(hook.event) ? hook.event : "file-saved";
  return { event, file: path };
}

/** What `hook test` shows: what would run, where, and with which payload and variables. Runs nothing. */
export interface HookPreview {
  readonly hook: RunnableHook;
  readonly input: HookInput;
  readonly environment: Readonly<Record<string, string>>;
  readonly sandbox: string;
  /** Whether the matcher takes the file (always true without a file or a matcher). */
  readonly matches: boolean;
  /** Why it would not run: disabled, no event for its trigger, no action. */
  readonly wouldNotRun?: string;
}

export function previewHook(context: HookContext, hook: RunnableHook, file?: string): HookPreview {
  const payload = manualPayload(context, hook, file);
  const input: HookInput = { ...payload, hook: hook.name, root: context.root };
  const matches = payload.file === undefined || hook.matcher === undefined || hook.matcher.test(payload.file);
  const wouldNotRun = !hook.enabled
    ? "the hook is disabled"
    : hook.action === undefined
      ? "it has no action Specwright can run"
      : hook.event === undefined
        ? `no Specwright event matches its trigger "${hook.trigger}"`
        : undefined;
  return {
    hook,
    input,
    environment: hookEnvironment(input),
    sandbox: describeCommandSandbox(context.sandbox),
    matches,
    ...(wouldNotRun !== undefined ? { wouldNotRun } : {}),
  };
}

/** `hook run`: runs it now, disabled or not (a person asked for it by name). */
export async function runHookNow(context: HookContext, name: string, file?: string): Promise<HookRunResult> {
  const hook = findHook(context, name);
  if (hook.action === undefined) throw noActionError(hook);
  return runHook(context, hook, manualPayload(context, hook, file));
}

function kebab(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}
