/** What a call's answer is for; each gets its own ceiling on answer tokens (`max_tokens`). */
export type OutputPurpose = "questions" | "documents" | "agent";

/** Questions are a short JSON list; documents are whole markdown files; an agent step is a tool call or a summary. */
export const DEFAULT_MAX_OUTPUT_TOKENS: Readonly<Record<OutputPurpose, number>> = {
  questions: 1_024,
  documents: 8_192,
  agent: 4_096,
};

/** Settings `limits.maxOutputTokens`: one number for every call, or one per purpose. */
export type MaxOutputTokensSetting =
  | number
  | {
      readonly questions?: number | undefined;
      readonly documents?: number | undefined;
      readonly agent?: number | undefined;
    };

/**
 * The `max_tokens` of a call: the setting for its purpose, else the default; never more than half the
 * context window when one is known, so the prompt keeps room (an 8k model answers in at most 4k).
 */
export function maxOutputTokensFor(
  purpose: OutputPurpose,
  setting: MaxOutputTokensSetting | undefined,
  contextTokens: number | undefined,
): number {
  const configured = typeof setting === "number" ? setting : setting?.[purpose];
  const wanted = configured ?? DEFAULT_MAX_OUTPUT_TOKENS[purpose];
  // A ceiling the user set explicitly is theirs to keep; only the default gives way to a small window.
  if (configured !== undefined || contextTokens === undefined) return wanted;
  return Math.max(256, Math.min(wanted, Math.floor(contextTokens / 2)));
}
