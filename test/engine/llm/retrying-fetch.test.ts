import { describe, expect, it } from "vitest";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { createRetryingFetch, type RetryNotice } from "../../../src/engine/llm/retrying-fetch.js";
import { ModelStreamInterruptedError } from "../../../src/engine/llm/stream-interrupted-error.js";
import { type FakeReply, useFakeOpenAiServer } from "../../helpers/fake-openai-server.js";

const fakeServer = useFakeOpenAiServer();

const BODY = JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }] });

async function setUp(
  script: FakeReply[],
  options: {
    maxRetries?: number;
    requestTimeoutMs?: number;
    idleTimeoutMs?: number;
    deadlineMs?: number;
    secrets?: string[];
    /** Ask for a streamed (SSE) answer. */
    stream?: boolean;
  } = {},
) {
  const server = await fakeServer.start(script);
  const waits: number[] = [];
  const retries: RetryNotice[] = [];
  const fetch = createRetryingFetch({
    maxRetries: options.maxRetries ?? 3,
    requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
    random: () => 0.5,
    sleep: async (milliseconds) => {
      waits.push(milliseconds);
    },
    onRetry: (notice) => retries.push(notice),
    ...(options.secrets !== undefined ? { secrets: options.secrets } : {}),
    ...(options.idleTimeoutMs !== undefined ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
    ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
  });
  const post = (signal?: AbortSignal) =>
    fetch(`${server.url}/chat/completions`, {
      method: "POST",
      body: options.stream === true ? JSON.stringify({ ...JSON.parse(BODY), stream: true }) : BODY,
      ...(signal ? { signal } : {}),
    });
  return { post, waits, retries, server };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("createRetryingFetch against a real HTTP server", () => {
  it("waits what Retry-After says after a 429, then returns the success", async () => {
    const { post, waits, retries, server } = await setUp([
      { status: 429, headers: { "retry-after": "1" } },
      { text: "ok" },
    ]);
    const response = await post();
    expect(response.status).toBe(200);
    expect(waits).toEqual([1000]);
    expect(retries).toEqual([{ attempt: 1, delayMs: 1000, reason: "HTTP 429" }]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.rawBody).toBe(BODY);
  });

  it("honours retry-after-ms and an HTTP-date Retry-After", async () => {
    const inTwoSeconds = new Date(Date.now() + 2_000).toUTCString();
    const { post, waits } = await setUp([
      { status: 429, headers: { "retry-after-ms": "10" } },
      { status: 503, headers: { "retry-after": inTwoSeconds } },
      { text: "ok" },
    ]);
    expect((await post()).status).toBe(200);
    expect(waits[0]).toBe(10);
    expect(waits[1]).toBeGreaterThan(0);
    expect(waits[1]).toBeLessThanOrEqual(2_000);
  });

  it("backs off exponentially with jitter on a 5xx without Retry-After", async () => {
    const { post, waits } = await setUp([{ status: 500 }, { status: 502 }, { text: "ok" }]);
    expect((await post()).status).toBe(200);
    // random() is 0.5: half of the 500 ms and 1000 ms ceilings.
    expect(waits).toEqual([250, 500]);
  });

  it("gives up after maxRetries with an EngineError naming the status and what the server said", async () => {
    const { post, server } = await setUp(
      [
        { status: 429, body: '{"error":"slow down"}' },
        { status: 429, body: '{"error":"slow down"}' },
        { status: 429, body: '{"error":"slow down"}' },
      ],
      { maxRetries: 2 },
    );
    const error = await rejectionOf(post());
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: "model-rate-limited" });
    const message = error instanceof EngineError ? error.message : "";
    expect(message).toContain("HTTP 429");
    expect(message).toContain("slow down");
    expect(message).toContain("3 attempts");
    expect(error instanceof EngineError ? error.fix : "").toContain("limits.maxRetries");
    expect(server.requests).toHaveLength(3);
  });

  it("does not wait for a Retry-After longer than it ever waits", async () => {
    const { post, server } = await setUp([{ status: 429, headers: { "retry-after": "3600" } }]);
    const error = await rejectionOf(post());
    expect(error).toMatchObject({ code: "model-rate-limited" });
    expect(error instanceof EngineError ? error.message : "").toContain("asked to wait 3600 s");
    expect(server.requests).toHaveLength(1);
  });

  it("returns a client error as it is, without retrying", async () => {
    const { post, server } = await setUp([{ status: 400, body: '{"error":{"message":"bad request"}}' }]);
    expect((await post()).status).toBe(400);
    expect(server.requests).toHaveLength(1);
  });

  it("times out a request that never answers, retries it, and gives up with model-timeout", async () => {
    const { post, retries, server } = await setUp([{ hang: true }, { hang: true }], {
      maxRetries: 1,
      requestTimeoutMs: 100,
    });
    const error = await rejectionOf(post());
    expect(error).toMatchObject({ code: "model-timeout" });
    expect(error instanceof EngineError ? error.fix : "").toContain("limits.requestTimeoutMs");
    expect(retries.map((retry) => retry.reason)).toEqual(["no answer within 100 ms"]);
    expect(server.requests).toHaveLength(2);
  });

  it("sends a request that timed out once more, not maxRetries times", async () => {
    const { post, retries, server } = await setUp([{ hang: true }, { hang: true }, { hang: true }], {
      maxRetries: 4,
      requestTimeoutMs: 100,
    });
    const error = await rejectionOf(post());
    expect(error).toMatchObject({
      code: "model-timeout",
      message: expect.stringContaining("Gave up after 2 attempts"),
    });
    expect(retries).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it("waits for a slow first byte by requestTimeoutMs, and for silences in the body by idleTimeoutMs", async () => {
    const { post } = await setUp(
      [
        { text: "late but whole", delayMs: 300 },
        { stallAfterChars: 20, text: "x".repeat(100) },
      ],
      { requestTimeoutMs: 2_000, idleTimeoutMs: 100 },
    );
    expect(await (await post()).text()).toContain("late but whole");
    const error = await rejectionOf((await post()).text());
    expect(error).toBeInstanceOf(ModelStreamInterruptedError);
    expect(error).toMatchObject({ kind: "silence", message: expect.stringContaining("silent for 100 ms") });
  });

  it("stops a body that trickles past the deadline with model-deadline, not an interruption to retry", async () => {
    const { post, retries } = await setUp([{ text: "y".repeat(500), trickleMs: 20 }], {
      requestTimeoutMs: 1_000,
      deadlineMs: 400,
      stream: true,
    });
    const response = await post();
    const error = await rejectionOf(response.text());
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: "model-deadline", fix: expect.stringContaining("limits.callDeadlineMs") });
    expect(retries).toHaveLength(0);
  });

  it("ends a body that goes silent with a stream interruption, not a hang", async () => {
    const { post } = await setUp([{ stallAfterChars: 20 }], { requestTimeoutMs: 150 });
    const response = await post();
    const error = await rejectionOf(response.text());
    expect(error).toBeInstanceOf(ModelStreamInterruptedError);
    expect(error instanceof Error ? error.message : "").toContain("silent");
  });

  it("ends a body whose connection drops with a stream interruption", async () => {
    const { post } = await setUp([{ cutAfterChars: 20 }]);
    const response = await post();
    const error = await rejectionOf(response.text());
    expect(error).toBeInstanceOf(ModelStreamInterruptedError);
    expect(error instanceof Error ? error.message : "").toContain("dropped");
  });

  it("retries a refused connection and then says the endpoint is unreachable", async () => {
    const { post, retries } = await setUp([], { maxRetries: 1 });
    await fakeServer.current?.close();
    const error = await rejectionOf(post());
    expect(error).toMatchObject({ code: "model-unreachable" });
    expect(error instanceof EngineError ? error.fix : "").toContain("SPECWRIGHT_BASE_URL");
    expect(retries).toHaveLength(1);
  });

  it("does not retry when the caller aborts", async () => {
    const { post, server } = await setUp([{ hang: true }, { text: "never asked for" }]);
    const controller = new AbortController();
    const pending = post(controller.signal);
    setTimeout(() => controller.abort(new Error("user pressed Ctrl-C")), 50);
    const error = await rejectionOf(pending);
    expect(error).not.toBeInstanceOf(EngineError);
    expect(server.requests).toHaveLength(1);
  });

  it("keeps secrets and key-shaped strings out of the error it gives up with", async () => {
    const key = "sk-live-key-that-must-not-leak-000111";
    const { post } = await setUp(
      [{ status: 500, body: `upstream said: invalid key ${key}, also sk-abcdefghijklmnopqrstuvwxyz` }],
      {
        maxRetries: 0,
        secrets: [key],
      },
    );
    const error = await rejectionOf(post());
    const text = error instanceof EngineError ? `${error.message} ${error.fix}` : "";
    expect(text).toContain("upstream said");
    expect(text).not.toContain(key);
    expect(text).not.toContain("sk-abcdefghijklmnopqrstuvwxyz");
  });
});
