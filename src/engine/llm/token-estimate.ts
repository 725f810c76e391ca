import type { ModelMessage } from "ai";

/** About four characters a token in English and code: enough for budgets checked before a call. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimatePromptTokens(system: string, messages: readonly ModelMessage[]): number {
  return estimateTokens(system) + estimateTokens(JSON.stringify(messages));
}
