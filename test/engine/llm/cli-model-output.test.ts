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

  it("updates one progress line in place on a terminal (elapsed seconds, tokens so far) and clears it before the next line", () => {
    let written = "";
    let clock = 1_000;
    const stream = {
      write: (text: string) => {
        written += text;
      },
    };
    const print = createModelEventPrinter({
      verbose: true,
      stream,
      terminal: { color: false, interactive: true, width: 80 },
      now: () => clock,
      tick: false,
    });
    print({ type: "call-start", purpose: "design" });
    clock += 7_400;
    print({ type: "progress", purpose: "design", characters: 100, outputTokens: 25 });
    clock += 5_000;
    print({ type: "progress", purpose: "design", characters: 4000, outputTokens: 1000 });
    print({
      type: "call-end",
      purpose: "design",
      usage: { inputTokens: 5, outputTokens: 1000 },
      totals: { inputTokens: 5, outputTokens: 1000, costUsd: 0, calls: 1 },
    });
    expect(written).toBe(
      [
        "model: design…\n",
        "\r\u001b[2Kdesign: 0 s · waiting for the first token",
        "\r\u001b[2Kdesign: 7 s · ~25 tokens",
        "\r\u001b[2Kdesign: 12 s · ~1,000 tokens",
        "\r\u001b[2Kmodel: design answered (5 in / 1,000 out)\n",
      ].join(""),
    );
  });

  it("says a step of the agent ended a turn, not that the task is done", () => {
    const line = formatModelEvent(
      {
        type: "call-end",
        purpose: "task 1.1",
        usage: { inputTokens: 1200, outputTokens: 80 },
        totals: { inputTokens: 1200, outputTokens: 80, costUsd: undefined, calls: 1 },
        agentStep: true,
      },
      true,
    );
    expect(line).toBe("model: turn ended for task 1.1 (1,200 in / 80 out); the task is verified when the model stops");
    expect(line).not.toMatch(/\bdone\b/);
  });

  it("writes no live line off a terminal, and stops the live line when a call fails", () => {
    const lines: string[] = [];
    const stream = { write: (text: string) => lines.push(text) };
    const plain = createModelEventPrinter({
      verbose: false,
      stream,
      terminal: { color: false, interactive: false, width: 80 },
    });
    plain({ type: "call-start", purpose: "questions" });
    plain({ type: "progress", purpose: "questions", characters: 10, outputTokens: 3 });
    expect(lines).toEqual([]);
    const live = createModelEventPrinter({
      verbose: false,
      stream,
      terminal: { color: false, interactive: true, width: 80 },
      now: () => 0,
      tick: false,
    });
    live({ type: "call-start", purpose: "questions" });
    live({ type: "progress", purpose: "questions", characters: 10, outputTokens: 3 });
    live({ type: "call-failed", purpose: "questions" });
    live({ type: "warning", purpose: "questions", message: "after" });
    // Cleared when the call failed, and not drawn again after the next line.
    expect(lines.join("")).toBe("\r\u001b[2Kquestions: 0 s · ~3 tokens\r\u001b[2Kwarning: after\n");
  });
});
