import { contextBudgetChars } from "../llm/context-budget.js";
import type { ModelSession } from "../llm/model-session.js";
import { DEFAULT_CONTEXT_MAX_CHARS } from "./run-spec-tasks.js";

/**
 * The characters of the agent's opening context when the model's window is known (`limits.contextTokens`):
 * the default lowered so the prompt, the step's answer and some tool output fit an 8k-token model.
 * Undefined when the window is unknown, so the runner's default stands.
 */
export function agentContextChars(
  session: Pick<ModelSession, "contextTokens" | "maxOutputTokens">,
): number | undefined {
  const contextTokens = session.contextTokens?.();
  const outputTokens = session.maxOutputTokens?.("agent");
  if (contextTokens === undefined || outputTokens === undefined) return undefined;
  // Half of what fits: the conversation grows with every tool result after the opening prompt.
  return Math.floor(contextBudgetChars(DEFAULT_CONTEXT_MAX_CHARS * 2, { contextTokens, outputTokens }) / 2);
}
