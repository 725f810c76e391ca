import { EngineError } from "../errors/engine-error.js";
import { estimateCostUsd, type ModelPrice } from "./model-prices.js";
import type { TokenUsage, UsageTotals } from "./model-session.js";

/** Budgets of one command; either may be absent. */
export interface ModelBudget {
  readonly maxTokens?: number;
  /** USD. */
  readonly maxCost?: number;
}

const TOKEN_FIX =
  'Raise the budget with --max-tokens <n> (or "limits.maxTokens" in .kiro/settings/specwright.json), or give the model less to read.';
const COST_FIX =
  'Raise the budget with --max-cost <usd> (or "limits.maxCost" in .kiro/settings/specwright.json), or choose a cheaper model with --model.';

/** Refuses a call whose estimated size would take the totals past a budget. */
export function checkBudgetBeforeCall(
  budget: ModelBudget,
  totals: UsageTotals,
  estimate: TokenUsage,
  price: ModelPrice | undefined,
): void {
  const used = totals.inputTokens + totals.outputTokens;
  const needed = estimate.inputTokens + estimate.outputTokens;
  if (budget.maxTokens !== undefined && used + needed > budget.maxTokens) {
    throw budgetError(
      `The next model call needs about ${formatCount(needed)} tokens, and ${formatCount(used)} of the budget of ${formatCount(budget.maxTokens)} are used.`,
      TOKEN_FIX,
    );
  }
  const estimatedCost = estimateCostUsd(estimate, price);
  if (budget.maxCost !== undefined && totals.costUsd !== undefined && estimatedCost !== undefined) {
    if (totals.costUsd + estimatedCost > budget.maxCost) {
      throw budgetError(
        `The next model call would cost about $${formatUsd(estimatedCost)}, and $${formatUsd(totals.costUsd)} of the budget of $${formatUsd(budget.maxCost)} is spent.`,
        COST_FIX,
      );
    }
  }
}

/** Stops the command once the totals are past a budget (what was spent stays in the totals). */
export function checkBudgetAfterCall(budget: ModelBudget, totals: UsageTotals): void {
  const used = totals.inputTokens + totals.outputTokens;
  if (budget.maxTokens !== undefined && used > budget.maxTokens) {
    throw budgetError(
      `The token budget of ${formatCount(budget.maxTokens)} is spent: ${formatCount(used)} tokens used.`,
      TOKEN_FIX,
    );
  }
  if (budget.maxCost !== undefined && totals.costUsd !== undefined && totals.costUsd > budget.maxCost) {
    throw budgetError(
      `The cost budget of $${formatUsd(budget.maxCost)} is spent: about $${formatUsd(totals.costUsd)} used.`,
      COST_FIX,
    );
  }
}

function budgetError(message: string, fix: string): EngineError {
  return new EngineError({ code: "budget-exceeded", message: `${message} Stopped before going further.`, fix });
}

function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

function formatUsd(value: number): string {
  return value < 0.01 ? value.toFixed(4) : value.toFixed(2);
}
