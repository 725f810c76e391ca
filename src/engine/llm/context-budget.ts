/**
 * How many characters of context fit a model's window: the window less the answer's tokens and a margin
 * for the system prompt and the framing, at three characters a token (code and markdown run denser than
 * the four of English prose, and an overflow costs a whole call).
 */
export const CHARACTERS_PER_CONTEXT_TOKEN = 3;
/** System prompt, instructions and message framing around the context. */
export const PROMPT_OVERHEAD_TOKENS = 1_200;
const MINIMUM_CONTEXT_CHARS = 2_000;

export function contextCharsFor(contextTokens: number, outputTokens: number): number {
  const available = contextTokens - outputTokens - PROMPT_OVERHEAD_TOKENS;
  return Math.max(MINIMUM_CONTEXT_CHARS, Math.floor(available * CHARACTERS_PER_CONTEXT_TOKEN));
}

/** The smaller of a fixed default and what the window allows, when the window is known. */
export function contextBudgetChars(
  defaultChars: number,
  window: { readonly contextTokens: number; readonly outputTokens: number } | undefined,
): number {
  return window === undefined
    ? defaultChars
    : Math.min(defaultChars, contextCharsFor(window.contextTokens, window.outputTokens));
}
