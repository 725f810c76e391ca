import type { ModelSession } from "../llm/model-session.js";
import { resolveCommandSandbox } from "../sandbox/command-sandbox.js";
import { loadSpecwrightSettings } from "../workspace-model/load-specwright-settings.js";
import type { HookContext } from "./hook-context.js";
import { listHooks } from "./list-hooks.js";
import { toRunnableHook } from "./runnable-hook.js";

/** The workspace's hooks (both formats, disabled ones included so they can be listed), settings and sandbox. */
export async function loadHookContext(
  root: string,
  extra: { readonly session?: ModelSession; readonly signal?: AbortSignal; readonly record?: boolean } = {},
): Promise<HookContext> {
  const [list, settings] = await Promise.all([
    listHooks({ cwd: root, root }),
    loadSpecwrightSettings(root, "the hooks' sandbox and environment rules"),
  ]);
  return {
    root: list.root,
    hooks: list.hooks.map(toRunnableHook),
    settings,
    sandbox: await resolveCommandSandbox(settings),
    ...extra,
  };
}
