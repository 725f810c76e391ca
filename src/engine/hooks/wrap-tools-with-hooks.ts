import type { ToolSet } from "ai";
import { TOOL_EVENTS } from "../../model/hooks/hook-events.js";
import { toolError } from "../agent-tools/tool-error.js";
import { dispatchHooks, type HookDispatch } from "./dispatch-hooks.js";
import type { HookContext } from "./hook-context.js";
import type { HookPayload } from "./hook-payload.js";

/** Where the tool calls happen, for the payload; and who hears of each dispatch (the run's events). */
export interface ToolHookScope {
  readonly spec?: string;
  readonly taskId?: string;
  readonly onDispatch?: (dispatch: HookDispatch) => void;
}

/**
 * Wraps each tool's `execute` with the pre-tool-use and post-tool-use hooks: the tool's name and its
 * arguments (as the model sent them) are in the payload; a pre-tool-use hook that blocks stops the call,
 * and the model gets the hook's reason as the tool's error. Tools come back unchanged when no hook cares.
 */
export function wrapToolsWithHooks(tools: ToolSet, context: HookContext, scope: ToolHookScope = {}): ToolSet {
  const relevant = context.hooks.some(
    (hook) => hook.enabled && hook.event !== undefined && TOOL_EVENTS.includes(hook.event),
  );
  if (!relevant) return tools;
  const wrapped: ToolSet = {};
  for (const [name, tool] of Object.entries(tools)) {
    const execute = tool.execute;
    if (execute === undefined) {
      wrapped[name] = tool;
      continue;
    }
    const base: Omit<HookPayload, "event"> = {
      toolName: name,
      ...(scope.spec !== undefined ? { spec: scope.spec } : {}),
      ...(scope.taskId !== undefined ? { taskId: scope.taskId } : {}),
    };
    wrapped[name] = {
      ...tool,
      execute: async (input: unknown, options: Parameters<typeof execute>[1]) => {
        const before = await dispatchHooks(context, { ...base, event: "pre-tool-use", toolArgs: input });
        scope.onDispatch?.(before);
        if (before.blocked !== undefined) {
          return toolError(
            `The hook "${before.blocked.hook}" blocked this ${name} call: ${before.blocked.reason}`,
            "Do not retry the same call; do what the hook's reason asks, or take another approach.",
          );
        }
        const output: unknown = await execute(input as never, options);
        const after = await dispatchHooks(context, {
          ...base,
          event: "post-tool-use",
          toolArgs: input,
          toolResult: output,
        });
        scope.onDispatch?.(after);
        return output;
      },
    } as ToolSet[string];
  }
  return wrapped;
}
