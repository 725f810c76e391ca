import { EngineError } from "../errors/engine-error.js";
import { resolveCommandSandbox } from "../sandbox/command-sandbox.js";
import { loadSpecwrightSettings } from "../workspace-model/load-specwright-settings.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";
import { dispatchHooks, type HookDispatch } from "./dispatch-hooks.js";
import { listHooks } from "./list-hooks.js";
import { hooksFor, toRunnableHook } from "./runnable-hook.js";

export interface TaskHooksOutsideRunOptions extends WorkspaceOptions {
  readonly event: "pre-task" | "post-task";
  readonly spec: string;
  readonly taskId: string;
  readonly outcome?: unknown;
}

/**
 * Task hooks for an agent that drives the tasks itself (MCP `start_task` / `complete_task`): a pre-task hook
 * that blocks refuses the start (EngineError `hook-blocked`). Nothing is loaded when no hook is on the event.
 */
export async function runTaskHooksOutsideRun(options: TaskHooksOutsideRunOptions): Promise<HookDispatch | undefined> {
  const root = await resolveWorkspaceRoot(options);
  const hooks = (await listHooks({ cwd: root, root })).hooks.map(toRunnableHook);
  if (hooksFor(hooks, options.event).length === 0) return undefined;
  const settings = await loadSpecwrightSettings(root, "the hooks' sandbox and environment rules");
  const dispatch = await dispatchHooks(
    { root, hooks, settings, sandbox: await resolveCommandSandbox(settings) },
    {
      event: options.event,
      spec: options.spec,
      taskId: options.taskId,
      ...(options.outcome !== undefined ? { outcome: options.outcome } : {}),
    },
  );
  if (dispatch.blocked !== undefined) {
    throw new EngineError({
      code: "hook-blocked",
      message: `The pre-task hook "${dispatch.blocked.hook}" blocked task ${options.taskId}: ${dispatch.blocked.reason}`,
      fix: 'Do what the hook asks, or disable it (`"enabled": false` in its file), then start the task again.',
    });
  }
  return dispatch;
}
