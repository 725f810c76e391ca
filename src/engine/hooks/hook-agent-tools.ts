import type { ToolSet } from "ai";
import { createAgentTools } from "../agent-tools/create-agent-tools.js";
import type { HookContext } from "./hook-context.js";

/**
 * The task agent's tools for a hook's agent, from the same factory and under the same rules: paths inside
 * the root, secret-looking files refused, commands through the policy and the run's sandbox. Nobody is
 * there to answer, so `ask_user` is left out and a command the policy asks about is refused. The tools are
 * deliberately not wrapped with the tool hooks: a hook's agent must not fire hooks again.
 */
export function createHookAgentTools(context: HookContext): ToolSet {
  const { ask_user: _askUser, ...tools } = createAgentTools({
    root: context.root,
    settings: context.settings,
    sandbox: context.sandbox,
    ...(context.environment !== undefined ? { environment: context.environment } : {}),
  }).tools;
  return tools;
}
