import type { TokenUsage } from "./model-session.js";

/** USD per million tokens. */
export interface ModelPrice {
  readonly inputPerMillion: number;
  readonly outputPerMillion: number;
}

/**
 * List prices of current models, USD per million tokens (standard tier, prompts under 200k tokens), as the
 * providers' price lists gave them in March 2026 (looked up 2026-11-22); settings `pricing` overrides any entry.
 * Keys are model-id prefixes: "claude-sonnet-4-5" prices "claude-sonnet-4-5-20250929" too.
 */
export const BUILT_IN_PRICES: Readonly<Record<string, ModelPrice>> = {
  "claude-opus-4-6": { inputPerMillion: 5, outputPerMillion: 25 },
  "claude-opus-4-5": { inputPerMillion: 5, outputPerMillion: 25 },
  "claude-opus-4-1": { inputPerMillion: 15, outputPerMillion: 75 },
  "claude-opus-4": { inputPerMillion: 15, outputPerMillion: 75 },
  "claude-sonnet-4-6": { inputPerMillion: 3, outputPerMillion: 15 },
  "claude-sonnet-4-5": { inputPerMillion: 3, outputPerMillion: 15 },
  "claude-sonnet-4": { inputPerMillion: 3, outputPerMillion: 15 },
  "claude-3-7-sonnet": { inputPerMillion: 3, outputPerMillion: 15 },
  "claude-haiku-4-5": { inputPerMillion: 1, outputPerMillion: 5 },
  "claude-3-5-haiku": { inputPerMillion: 0.8, outputPerMillion: 4 },
  "claude-3-haiku": { inputPerMillion: 0.25, outputPerMillion: 1.25 },
  "gpt-5.4": { inputPerMillion: 2.5, outputPerMillion: 15 },
  "gpt-5.1": { inputPerMillion: 1.25, outputPerMillion: 10 },
  "gpt-5": { inputPerMillion: 1.25, outputPerMillion: 10 },
  "gpt-5-mini": { inputPerMillion: 0.25, outputPerMillion: 2 },
  "gpt-5-nano": { inputPerMillion: 0.05, outputPerMillion: 0.4 },
  "gpt-4.1": { inputPerMillion: 2, outputPerMillion: 8 },
  "gpt-4.1-mini": { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  "gpt-4.1-nano": { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  "gpt-4o": { inputPerMillion: 2.5, outputPerMillion: 10 },
  "gpt-4o-mini": { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  o3: { inputPerMillion: 2, outputPerMillion: 8 },
  "o3-mini": { inputPerMillion: 1.1, outputPerMillion: 4.4 },
  "o4-mini": { inputPerMillion: 1.1, outputPerMillion: 4.4 },
  "gemini-3-pro": { inputPerMillion: 2, outputPerMillion: 12 },
  "gemini-2.5-pro": { inputPerMillion: 1.25, outputPerMillion: 10 },
  "gemini-2.5-flash": { inputPerMillion: 0.3, outputPerMillion: 2.5 },
  "gemini-2.5-flash-lite": { inputPerMillion: 0.1, outputPerMillion: 0.4 },
};

/**
 * The price of a model id: the settings' `pricing` first, then the built-in table; an exact key, else the
 * longest key the id starts with (after a Bedrock region/vendor prefix such as "us.anthropic."), followed by
 * "-", "@" or ":" (a date or version). Undefined when unknown: cost is then not guessed.
 */
export function findModelPrice(
  modelId: string,
  pricing: Readonly<Record<string, ModelPrice>> | undefined,
): ModelPrice | undefined {
  const candidates = [modelId, withoutVendorPrefix(modelId)];
  for (const table of [pricing ?? {}, BUILT_IN_PRICES]) {
    for (const id of candidates) {
      const exact = table[id];
      if (exact !== undefined) return exact;
    }
    for (const id of candidates) {
      const key = longestPrefixKey(Object.keys(table), id);
      if (key !== undefined) return table[key];
    }
  }
  return undefined;
}

export function estimateCostUsd(usage: TokenUsage, price: ModelPrice | undefined): number | undefined {
  if (price === undefined) return undefined;
  return (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000;
}

function withoutVendorPrefix(modelId: string): string {
  return modelId.replace(/^(?:[a-z]{2,4}\.)?(?:anthropic|openai|google|meta|amazon)\./, "").replace(/^models\//, "");
}

function longestPrefixKey(keys: readonly string[], id: string): string | undefined {
  let best: string | undefined;
  for (const key of keys) {
    if (!id.startsWith(key)) continue;
    const next = id.charAt(key.length);
    if (next !== "-" && next !== "@" && next !== ":") continue;
    if (best === undefined || key.length > best.length) best = key;
  }
  return best;
}
