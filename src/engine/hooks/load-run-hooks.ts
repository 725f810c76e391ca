import type { HookEvent } from "../../model/hooks/hook-events.js";
import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import type { ModelSession } from "../llm/model-session.js";
import { type CommandSandbox, resolveCommandSandbox } from "../sandbox/command-sandbox.js";
import type { HookContext } from "./hook-context.js";
import { listHooks } from "./list-hooks.js";
import { toRunnableHook } from "./runnable-hook.js";

const RUN_EVENTS: readonly HookEvent[] = [
  "pre-task",
  "post-task",
  "pre-tool-use",
  "post-tool-use",
  "session-start",
  "prompt-submit",
  "agent-stop",
];

/**
 * The hooks a task run obeys, read once when the run starts (a task that edits a hook changes nothing for
 * this run, as with steering); undefined when no enabled hook fires during a run.
 */
export async function loadRunHooks(
  root: string,
  settings: SpecwrightSettings,
  sandbox: CommandSandbox | undefined,
  session: ModelSession,
): Promise<HookContext | undefined> {
  const hooks = (await listHooks({ cwd: root, root })).hooks.map(toRunnableHook);
  if (!hooks.some((hook) => hook.enabled && hook.event !== undefined && RUN_EVENTS.includes(hook.event)))
    return undefined;
  return { root, hooks, settings, sandbox: sandbox ?? (await resolveCommandSandbox(settings)), session };
}
