import { describe, expect, it } from "vitest";
import { createModelEventPrinter, formatModelEvent, formatUsageLine } from "../../../src/cli/model-usage-output.js";

describe("formatUsageLine", () => {
  it("prints tokens with thousands separators and the estimated cost", () => {
    expect(formatUsageLine({ inputTokens: 1234, outputTokens: 567, costUsd: 0.0123, calls: 2 })).toBe(
      "tokens: 1,234 in / 567 out · est. $0.0123",
    );
    expect(formatUsageLine({ inputTokens: 2_000_000, outputTokens: 10, costUsd: 6.5, calls: 1 })).toBe(
      "tokens: 2,000,000 in / 10 out · est. $6.50",
    );
  });

  it("says cost unknown when the model has no price, and counts retries when there were any", () => {
    expect(formatUsageLine({ inputTokens: 1, outputTokens: 2, costUsd: undefined, calls: 1, retries: 2 })).toBe(
      "tokens: 1 in / 2 out · cost unknown · 2 retries",
    );
  });
});

describe("model events on stderr", () => {
  it("always shows retries and warnings, calls only with --verbose, never progress as a line", () => {
    const retry = { type: "retry", purpose: "design", attempt: 1, delayMs: 1500, reason: "HTTP 429" } as const;
    expect(formatModelEvent(retry, false)).toBe("retrying design in 1.5 s (HTTP 429; retry 1)");
    expect(formatModelEvent({ type: "call-start", purpose: "design" }, false)).toBeUndefined();
    expect(formatModelEvent({ type: "call-start", purpose: "design" }, true)).toBe("model: design…");
    expect(
      formatModelEvent({ type: "progress", purpose: "design", characters: 10, outputTokens: 3 }, true),
    ).toBeUndefined();
  });

  it("writes plain lines to a stream that is not a terminal", () => {
    let written = "";
    const stream = {
      write: (text: string) => {
        written += text;
      },
    };
    const terminal = { color: false, interactive: false, width: 80 };
    const print = createModelEventPrinter({ verbose: false, stream, terminal });
    print({ type: "progress", purpose: "design", characters: 100, outputTokens: 25 });
    print({ type: "warning", purpose: "budget", message: "No price is known" });
    expect(written).toBe("warning: No price is known\n");
  });

  it("updates one progress line in place on a terminal and clears it before the next line", () => {
    let written = "";
    const stream = {
      write: (text: string) => {
        written += text;
      },
    };
    const print = createModelEventPrinter({
      verbose: true,
      stream,
      terminal: { color: false, interactive: true, width: 80 },
    });
    print({ type: "progress", purpose: "design", characters: 100, outputTokens: 25 });
    print({ type: "progress", purpose: "design", characters: 4000, outputTokens: 1000 });
    print({
      type: "call-end",
      purpose: "design",
      usage: { inputTokens: 5, outputTokens: 1000 },
      totals: { inputTokens: 5, outputTokens: 1000, costUsd: 0, calls: 1 },
    });
    expect(written).toBe(
      "\r\u001b[2Kdesign: ~25 tokens\r\u001b[2Kdesign: ~1,000 tokens\r\u001b[2Kmodel: design done, 5 in / 1,000 out\n",
    );
  });
});
