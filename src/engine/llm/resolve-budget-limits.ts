import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";

/** Where a budget limit came from: a flag (`--max-tokens`, `--max-cost`) or `.kiro/settings/specwright.json`. */
export type BudgetLimitSource = "flag" | "settings";

export interface BudgetLimit {
  readonly value: number;
  readonly source: BudgetLimitSource;
}

export interface BudgetLimits {
  readonly maxTokens?: BudgetLimit;
  /** USD. */
  readonly maxCost?: BudgetLimit;
}

/** A command's token and cost limits: each flag wins over the settings' `limits`, limit by limit. */
export function resolveBudgetLimits(
  flags: { readonly maxTokens?: number; readonly maxCost?: number },
  settings: SpecwrightSettings,
): BudgetLimits {
  const limits = settings.limits ?? {};
  const maxTokens = limitOf(flags.maxTokens, limits.maxTokens);
  const maxCost = limitOf(flags.maxCost, limits.maxCost);
  return { ...(maxTokens === undefined ? {} : { maxTokens }), ...(maxCost === undefined ? {} : { maxCost }) };
}

function limitOf(flag: number | undefined, setting: number | undefined): BudgetLimit | undefined {
  if (flag !== undefined) return { value: flag, source: "flag" };
  if (setting !== undefined) return { value: setting, source: "settings" };
  return undefined;
}
