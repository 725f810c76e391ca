import { readFile } from "node:fs/promises";
import { generateText } from "ai";
import { describe, expect, it } from "vitest";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { type CreateModelSessionOptions, createModelSession } from "../../../src/engine/llm/create-model-session.js";
import type { ModelEvent } from "../../../src/engine/llm/model-session.js";
import { ModelStreamInterruptedError } from "../../../src/engine/llm/stream-interrupted-error.js";
import { readUsageRecords, usageLogPath } from "../../../src/workspace/usage-log.js";
import { rejectionOf } from "../../helpers/engine-error.js";
import { createMockModel, type MockReply } from "../../helpers/mock-model.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

const SONNET = { provider: "anthropic", modelId: "claude-sonnet-4-5", source: "--model" };
const LOCAL = {
  provider: "openai-compatible",
  modelId: "qwen3-coder",
  baseUrl: "http://127.0.0.1:9/v1",
  source: "test",
};
const CALL = {
  purpose: "requirements",
  system: "You write specs.",
  messages: [{ role: "user" as const, content: "Rate limiting" }],
};

async function open(replies: MockReply[], options: Partial<CreateModelSessionOptions> = {}) {
  const mock = createMockModel(replies);
  const events: ModelEvent[] = [];
  const session = await createModelSession({
    selection: SONNET,
    env: {},
    languageModel: mock.model,
    onEvent: (event) => events.push(event),
    sleep: async () => undefined,
    ...options,
  });
  return { session, mock, events };
}

describe("createModelSession with a mock model", () => {
  it.each([true, false])("returns the text and sums usage and cost (streaming: %s)", async (streaming) => {
    const { session, mock, events } = await open(
      [
        { text: "first", usage: { inputTokens: 1_000, outputTokens: 100 } },
        { text: "second", usage: { inputTokens: 2_000, outputTokens: 200 } },
      ],
      { streaming },
    );
    expect((await session.generate(CALL)).text).toBe("first");
    const second = await session.generate({ ...CALL, purpose: "design" });
    expect(second).toEqual({ text: "second", usage: { inputTokens: 2_000, outputTokens: 200 }, finishReason: "stop" });
    const totals = session.totals();
    expect(totals).toMatchObject({ inputTokens: 3_000, outputTokens: 300, calls: 2 });
    // claude-sonnet-4-5: $3 in, $15 out per million.
    expect(totals.costUsd).toBeCloseTo((3_000 * 3 + 300 * 15) / 1_000_000, 10);
    expect(events.filter((event) => event.type === "call-end").map((event) => event.purpose)).toEqual([
      "requirements",
      "design",
    ]);
    expect(mock.prompts()[0]).toEqual({ system: "You write specs.", lastUser: "Rate limiting" });
    expect(events.some((event) => event.type === "progress")).toBe(streaming);
  });

  it("leaves the cost undefined for a model without a price", async () => {
    const { session } = await open(["ok"], { selection: LOCAL });
    await session.generate(CALL);
    expect(session.totals().costUsd).toBeUndefined();
  });

  it("prices a model from settings pricing", async () => {
    const { session } = await open([{ text: "ok", usage: { inputTokens: 1_000_000, outputTokens: 0 } }], {
      selection: LOCAL,
      pricing: { "qwen3-coder": { inputPerMillion: 0.5, outputPerMillion: 1 } },
    });
    await session.generate(CALL);
    expect(session.totals().costUsd).toBeCloseTo(0.5);
  });

  it("asks for JSON mode only where the provider has one", async () => {
    const local = await open(["{}"], { selection: LOCAL });
    await local.session.generate({ ...CALL, json: true });
    expect(local.mock.calls[0]?.responseFormat).toEqual({ type: "json" });
    const anthropic = await open(["{}"]);
    await anthropic.session.generate({ ...CALL, json: true });
    expect(anthropic.mock.calls[0]?.responseFormat?.type ?? "text").toBe("text");
  });

  it("retries a call whose stream was cut off, and counts the retry", async () => {
    const { session, mock, events } = await open([
      { error: new ModelStreamInterruptedError("the connection dropped after 40 bytes"), partialText: "# Requirem" },
      "# Requirements Document",
    ]);
    const result = await session.generate(CALL);
    expect(result.text).toBe("# Requirements Document");
    expect(mock.calls).toHaveLength(2);
    expect(session.totals()).toMatchObject({ calls: 1, retries: 1 });
    expect(events.find((event) => event.type === "retry")).toMatchObject({ purpose: "requirements", attempt: 1 });
  });

  it("gives up on a stream cut off on every attempt, never returning the half answer", async () => {
    const cut = { error: new ModelStreamInterruptedError("the connection dropped"), partialText: "half" };
    const { session } = await open([cut, cut], { limits: { maxRetries: 1 } });
    const error = await rejectionOf(session.generate(CALL));
    expect(error.code).toBe("model-stream-interrupted");
    expect(session.totals().calls).toBe(0);
  });

  it("does not retry other model errors, and reports them as EngineErrors", async () => {
    const { session, mock } = await open([{ error: new Error("content policy") }, "never used"]);
    const error = await rejectionOf(session.generate(CALL));
    expect(error.code).toBe("model-error");
    expect(error.message).toContain("content policy");
    expect(mock.calls).toHaveLength(1);
  });

  it("refuses a call before sending it when its estimate would pass the token budget", async () => {
    const { session, mock } = await open(["never sent"], { limits: { maxTokens: 5 } });
    const error = await rejectionOf(session.generate(CALL));
    expect(error).toMatchObject({ code: "budget-exceeded", kind: "refused" });
    expect(error.fix).toContain("--max-tokens");
    expect(mock.calls).toHaveLength(0);
  });

  it("stops after the call that spent the budget, with what was spent still in the totals", async () => {
    const { session } = await open([{ text: "big", usage: { inputTokens: 100, outputTokens: 900 } }, "never"], {
      limits: { maxTokens: 500 },
    });
    const error = await rejectionOf(session.generate(CALL));
    expect(error.code).toBe("budget-exceeded");
    expect(session.totals()).toMatchObject({ inputTokens: 100, outputTokens: 900, calls: 1 });
  });

  it("stops on the cost budget", async () => {
    const { session } = await open([{ text: "ok", usage: { inputTokens: 100_000, outputTokens: 10_000 } }, "never"], {
      limits: { maxCost: 0.5 },
    });
    await session.generate(CALL);
    // $0.45 spent; the next call's own estimate stays under, its result passes the budget.
    expect(session.totals().costUsd).toBeCloseTo(0.45);
    const mockSecond = await open([{ text: "ok", usage: { inputTokens: 200_000, outputTokens: 0 } }], {
      limits: { maxCost: 0.5 },
    });
    const error = await rejectionOf(mockSecond.session.generate(CALL));
    expect(error.code).toBe("budget-exceeded");
    expect(error.fix).toContain("--max-cost");
  });

  it("record() adds the agent loop's own usage and enforces the budget", async () => {
    const { session, events } = await open([], { limits: { maxTokens: 1_000 } });
    session.record("task 1 step 1", { inputTokens: 300, outputTokens: 100 });
    expect(session.totals()).toMatchObject({ inputTokens: 300, outputTokens: 100, calls: 1 });
    expect(events.at(-1)).toMatchObject({ type: "call-end", purpose: "task 1 step 1" });
    expect(() => session.record("task 1 step 2", { inputTokens: 500, outputTokens: 200 })).toThrow(EngineError);
    expect(session.totals().inputTokens).toBe(800);
  });

  it("gives the agent loop a language model that retries a cut-off generate call", async () => {
    const { session, mock } = await open([{ error: new ModelStreamInterruptedError("dropped") }, "whole answer"]);
    const result = await generateText({ model: session.languageModel, prompt: "hi", maxRetries: 0 });
    expect(result.text).toBe("whole answer");
    expect(mock.calls).toHaveLength(2);
    expect(session.totals().retries).toBe(1);
  });
});

describe("usage records", () => {
  const root = useTempDirectory();

  it("appends one JSON line per call to .kiro/specwright/usage.jsonl, record() calls included", async () => {
    const { session } = await open([{ text: "ok", usage: { inputTokens: 10, outputTokens: 5 } }], {
      root: root(),
      command: "new",
    });
    await session.generate(CALL);
    session.record("agent step", { inputTokens: 1, outputTokens: 2 });
    await session.flush();
    const records = await readUsageRecords(root());
    expect(records).toEqual([
      expect.objectContaining({
        command: "new",
        purpose: "requirements",
        provider: "anthropic",
        modelId: "claude-sonnet-4-5",
        inputTokens: 10,
        outputTokens: 5,
      }),
      expect.objectContaining({ purpose: "agent step", inputTokens: 1, outputTokens: 2 }),
    ]);
    expect(records[0]?.costUsd).toBeCloseTo((10 * 3 + 5 * 15) / 1_000_000, 12);
    const lines = (await readFile(usageLogPath(root()), "utf8")).trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(Object.keys(JSON.parse(lines[0] ?? "{}"))).toEqual([
      "at",
      "command",
      "purpose",
      "provider",
      "modelId",
      "inputTokens",
      "outputTokens",
      "costUsd",
    ]);
  });

  it("writes null as the cost of an unpriced model", async () => {
    const { session } = await open(["ok"], { selection: LOCAL, root: root(), command: "design" });
    await session.generate(CALL);
    expect((await readUsageRecords(root()))[0]?.costUsd).toBeNull();
  });

  it("keeps every line whole when many calls record at once", async () => {
    const { session } = await open([], { root: root(), command: "run" });
    for (let index = 0; index < 25; index++) session.record(`step ${index}`, { inputTokens: index, outputTokens: 1 });
    await session.flush();
    const records = await readUsageRecords(root());
    expect(records.map((record) => record.purpose).sort()).toEqual(
      Array.from({ length: 25 }, (_, index) => `step ${index}`).sort(),
    );
  });
});
