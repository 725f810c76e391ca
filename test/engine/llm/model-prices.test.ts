import { describe, expect, it } from "vitest";
import { estimateCostUsd, findModelPrice } from "../../../src/engine/llm/model-prices.js";

describe("findModelPrice", () => {
  it("finds a model by exact id or by the longest prefix before a date or version", () => {
    expect(findModelPrice("claude-sonnet-4-5", undefined)).toEqual({ inputPerMillion: 3, outputPerMillion: 15 });
    expect(findModelPrice("claude-haiku-4-5-20251001", undefined)).toEqual({ inputPerMillion: 1, outputPerMillion: 5 });
    expect(findModelPrice("gpt-5-mini-2025-08-07", undefined)).toEqual({ inputPerMillion: 0.25, outputPerMillion: 2 });
    expect(findModelPrice("gpt-4o-mini", undefined)?.inputPerMillion).toBe(0.15);
  });

  it("sees through a Bedrock region and vendor prefix", () => {
    expect(findModelPrice("us.anthropic.claude-sonnet-4-5-20250929-v1:0", undefined)?.outputPerMillion).toBe(15);
  });

  it("does not take a prefix that ends inside a word", () => {
    expect(findModelPrice("gpt-5x", undefined)).toBeUndefined();
    expect(findModelPrice("qwen3-coder", undefined)).toBeUndefined();
  });

  it("lets settings pricing override and extend the table", () => {
    const pricing = {
      "qwen3-coder": { inputPerMillion: 0, outputPerMillion: 0 },
      "gpt-5": { inputPerMillion: 1, outputPerMillion: 2 },
    };
    expect(findModelPrice("qwen3-coder", pricing)).toEqual({ inputPerMillion: 0, outputPerMillion: 0 });
    expect(findModelPrice("gpt-5", pricing)).toEqual({ inputPerMillion: 1, outputPerMillion: 2 });
  });
});

describe("estimateCostUsd", () => {
  it("prices input and output per million tokens, and is undefined without a price", () => {
    expect(
      estimateCostUsd({ inputTokens: 1_000_000, outputTokens: 200_000 }, { inputPerMillion: 3, outputPerMillion: 15 }),
    ).toBeCloseTo(6);
    expect(estimateCostUsd({ inputTokens: 10, outputTokens: 10 }, undefined)).toBeUndefined();
  });
});
