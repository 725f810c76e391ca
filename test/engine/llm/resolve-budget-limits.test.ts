import { describe, expect, it } from "vitest";
import { resolveBudgetLimits } from "../../../src/engine/llm/resolve-budget-limits.js";

describe("resolveBudgetLimits", () => {
  it("takes each flag over the settings' limit, limit by limit, and says where each came from", () => {
    expect(resolveBudgetLimits({ maxTokens: 1000 }, { limits: { maxTokens: 5, maxCost: 2 } })).toEqual({
      maxTokens: { value: 1000, source: "flag" },
      maxCost: { value: 2, source: "settings" },
    });
  });

  it("leaves out a limit set nowhere", () => {
    expect(resolveBudgetLimits({}, {})).toEqual({});
  });
});
