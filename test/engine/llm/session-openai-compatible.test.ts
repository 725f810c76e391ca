import { generateText } from "ai";
import { describe, expect, it, vi } from "vitest";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { createModelSession } from "../../../src/engine/llm/create-model-session.js";
import type { ModelEvent } from "../../../src/engine/llm/model-session.js";
import { type FakeReply, useFakeOpenAiServer } from "../../helpers/fake-openai-server.js";

const fakeServer = useFakeOpenAiServer();

async function sessionOn(script: FakeReply[], options: { streaming?: boolean; requestTimeoutMs?: number } = {}) {
  const server = await fakeServer.start(script);
  const events: ModelEvent[] = [];
  const session = await createModelSession({
    selection: { provider: "openai-compatible", modelId: "qwen3-coder", baseUrl: server.url, source: "test" },
    env: {},
    limits: { requestTimeoutMs: options.requestTimeoutMs ?? 5_000, maxRetries: 2 },
    streaming: options.streaming ?? true,
    onEvent: (event) => events.push(event),
    sleep: async () => undefined,
  });
  return { session, events, server };
}

const CALL = {
  purpose: "requirements",
  system: "You write specs.",
  messages: [{ role: "user" as const, content: "Rate limiting" }],
};

describe("a session on the real openai-compatible client against the fake server", () => {
  it("streams a text answer and counts the server's usage", async () => {
    const { session, events, server } = await sessionOn([
      { text: "# Requirements Document\n\nHello", usage: { inputTokens: 12, outputTokens: 7 } },
    ]);
    const result = await session.generate(CALL);
    expect(result.text).toBe("# Requirements Document\n\nHello");
    expect(result.usage).toEqual({ inputTokens: 12, outputTokens: 7 });
    expect(session.totals()).toMatchObject({ inputTokens: 12, outputTokens: 7, calls: 1 });
    expect(server.requests[0]?.body?.stream).toBe(true);
    expect(events.some((event) => event.type === "progress")).toBe(true);
  });

  it("answers without streaming too", async () => {
    const { session, server } = await sessionOn([{ text: "plain", usage: { inputTokens: 3, outputTokens: 1 } }], {
      streaming: false,
    });
    const result = await session.generate(CALL);
    expect(result.text).toBe("plain");
    expect(server.requests[0]?.body?.stream).not.toBe(true);
  });

  it("retries a 429 and a 500, then succeeds", async () => {
    const { session, events } = await sessionOn([
      { status: 429, headers: { "retry-after-ms": "5" } },
      { status: 500 },
      { text: "ok" },
    ]);
    const result = await session.generate(CALL);
    expect(result.text).toBe("ok");
    expect(
      events.filter((event) => event.type === "retry").map((event) => event.type === "retry" && event.reason),
    ).toEqual(["HTTP 429", "HTTP 500"]);
  });

  it("retries a cut stream as a whole call", async () => {
    const { session, events } = await sessionOn([{ cutAfterChars: 30 }, { text: "complete answer" }]);
    const result = await session.generate(CALL);
    expect(result.text).toBe("complete answer");
    expect(session.totals().retries).toBe(1);
    expect(events.some((event) => event.type === "retry")).toBe(true);
  });

  it("retries a stream the server ended before its finish chunk", async () => {
    const { session } = await sessionOn([{ cutAfterChars: 30, closeCleanly: true }, { text: "complete answer" }]);
    expect((await session.generate(CALL)).text).toBe("complete answer");
    expect(session.totals().retries).toBe(1);
  });

  it("times out a hung request and retries", async () => {
    const { session } = await sessionOn([{ hang: true }, { text: "after the hang" }], { requestTimeoutMs: 200 });
    const result = await session.generate(CALL);
    expect(result.text).toBe("after the hang");
  });

  it("passes a caller's abort through without retrying", async () => {
    const { session, server } = await sessionOn([{ hang: true }, { text: "never asked for" }]);
    const controller = new AbortController();
    const pending = session.generate({ ...CALL, abortSignal: controller.signal }).catch((caught: unknown) => caught);
    // Aborted once the server holds the request, however long the client took to send it.
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(EngineError);
    expect(server.requests).toHaveLength(1);
    expect(session.totals().retries ?? 0).toBe(0);
  });

  it("reports the agent loop's failures on the language model as EngineErrors with secrets removed", async () => {
    const { session } = await sessionOn([
      { status: 401, body: '{"error":{"message":"bad key sk-abcdefghijklmnopqrstuvwxyz"}}' },
    ]);
    const error = await generateText({ model: session.languageModel, prompt: "hi", maxRetries: 0 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: "model-auth-failed" });
    expect(error instanceof EngineError ? error.message : "").not.toContain("sk-abcdefghijklmnopqrstuvwxyz");
  });
});
