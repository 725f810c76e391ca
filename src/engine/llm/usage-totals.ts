import { estimateCostUsd, type ModelPrice } from "./model-prices.js";
import type { TokenUsage, UsageTotals } from "./model-session.js";

export const EMPTY_TOTALS: UsageTotals = { inputTokens: 0, outputTokens: 0, costUsd: 0, calls: 0, retries: 0 };

/** Totals after one more call. Cost stays known only while every call's price is known. */
export function addUsage(totals: UsageTotals, usage: TokenUsage, price: ModelPrice | undefined): UsageTotals {
  const callCost = estimateCostUsd(usage, price);
  return {
    inputTokens: totals.inputTokens + usage.inputTokens,
    outputTokens: totals.outputTokens + usage.outputTokens,
    costUsd: totals.costUsd === undefined || callCost === undefined ? undefined : totals.costUsd + callCost,
    calls: totals.calls + 1,
    retries: totals.retries ?? 0,
  };
}
