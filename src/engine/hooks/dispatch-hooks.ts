import { FILE_EVENTS, TOOL_EVENTS } from "../../model/hooks/hook-events.js";
import type { HookContext } from "./hook-context.js";
import type { HookPayload } from "./hook-payload.js";
import type { HookRunResult } from "./hook-run-result.js";
import { runHook } from "./run-hook.js";
import { hooksFor } from "./runnable-hook.js";

export interface HookDispatch {
  readonly results: readonly HookRunResult[];
  /** Set when a hook blocked the event: the hooks after it did not run. */
  readonly blocked?: { readonly hook: string; readonly reason: string };
}

/** The subject a matcher tests: the file of a file event, the tool of a tool event. */
export function payloadSubject(payload: HookPayload): string | undefined {
  if (FILE_EVENTS.includes(payload.event)) return payload.file;
  if (TOOL_EVENTS.includes(payload.event)) return payload.toolName;
  return undefined;
}

/** Runs the hooks of an event one after the other, in file order, stopping at the first that blocks. */
export async function dispatchHooks(context: HookContext, payload: HookPayload): Promise<HookDispatch> {
  const results: HookRunResult[] = [];
  for (const hook of hooksFor(context.hooks, payload.event, payloadSubject(payload))) {
    const result = await runHook(context, hook, payload);
    results.push(result);
    if (result.verdict.kind === "blocked") {
      return { results, blocked: { hook: hook.name, reason: result.verdict.reason } };
    }
  }
  return { results };
}
