import { APICallError, type LanguageModelV3Prompt } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { contextBudgetChars, contextCharsFor } from "../../../src/engine/llm/context-budget.js";
import { parseContextOverflow } from "../../../src/engine/llm/context-overflow.js";
import { errorText } from "../../../src/engine/llm/error-text.js";
import { mapModelError } from "../../../src/engine/llm/map-model-error.js";
import { DEFAULT_MAX_OUTPUT_TOKENS, maxOutputTokensFor } from "../../../src/engine/llm/output-token-limits.js";
import { contextTokensFromProps } from "../../../src/engine/llm/probe-context-window.js";
import { shouldRetry } from "../../../src/engine/llm/retry-policy.js";
import { promptChars, shrinkPrompt, shrinkTargetChars } from "../../../src/engine/llm/shrink-prompt.js";

const SELECTION = { provider: "openai-compatible", modelId: "qwen", source: "settings" };

describe("errorText", () => {
  it("reads the message of an Error, a provider's error object and a nested error.message", () => {
    expect(errorText(new Error("socket hang up"))).toBe("socket hang up");
    expect(errorText({ message: "model crashed", type: "server_error" })).toBe("model crashed");
    expect(errorText({ error: { message: "out of memory", code: 500 } })).toBe("out of memory");
    expect(errorText({ detail: "not loaded" })).toBe("not loaded");
    expect(errorText("plain")).toBe("plain");
  });

  it("never answers [object Object]: an object without a message is shown as JSON", () => {
    expect(errorText({ code: 42, type: "weird" })).toBe('{"code":42,"type":"weird"}');
    expect(errorText(new Error("[object Object]", { cause: { message: "the cause" } }))).toBe("the cause");
    expect(errorText(undefined)).toBe("unknown error");
  });

  it("prefers what the server said (an APICallError's body) to a generic status text", () => {
    const error = new APICallError({
      message: "Bad Request",
      url: "http://127.0.0.1/v1/chat/completions",
      requestBodyValues: {},
      statusCode: 400,
      responseBody: '{"error":{"message":"grammar parse failed"}}',
    });
    expect(errorText(error)).toBe("grammar parse failed");
  });

  it("makes a stream's error object an EngineError whose message is the server's text", () => {
    const mapped = mapModelError({ message: "llama_decode failed", type: "server_error" }, SELECTION, []);
    expect(mapped.message).toContain("llama_decode failed");
    expect(mapped.message).not.toContain("[object Object]");
  });
});

describe("parseContextOverflow", () => {
  it("reads llama.cpp's exceed_context_size_error with n_ctx and n_prompt_tokens", () => {
    const body = JSON.stringify({
      error: {
        code: 400,
        message: "the request exceeds the available context size, try increasing it",
        type: "exceed_context_size_error",
        n_prompt_tokens: 9120,
        n_ctx: 8192,
      },
    });
    expect(parseContextOverflow(body)).toMatchObject({ contextTokens: 8192, promptTokens: 9120 });
  });

  it("reads OpenAI's context_length_exceeded and the window named in its message", () => {
    const body = JSON.stringify({
      error: {
        message:
          "This model's maximum context length is 8,192 tokens. However, your messages resulted in 10,001 tokens.",
        type: "invalid_request_error",
        code: "context_length_exceeded",
      },
    });
    expect(parseContextOverflow(body)).toMatchObject({ contextTokens: 8192, promptTokens: 10001 });
  });

  it("is undefined for any other 400", () => {
    expect(parseContextOverflow('{"error":{"message":"Invalid value for temperature"}}')).toBeUndefined();
    expect(parseContextOverflow("not json at all")).toBeUndefined();
  });

  it("becomes an EngineError naming the setting to set", () => {
    const error = new APICallError({
      message: "Bad Request",
      url: "http://127.0.0.1/v1/chat/completions",
      requestBodyValues: {},
      statusCode: 400,
      responseBody: '{"error":{"message":"too long","type":"exceed_context_size_error","n_ctx":4096}}',
    });
    const mapped = mapModelError(error, SELECTION, []);
    expect(mapped.code).toBe("model-context-overflow");
    expect(mapped.message).toContain("4,096");
    expect(mapped.fix).toContain("limits.contextTokens");
  });
});

describe("contextTokensFromProps", () => {
  it("reads llama.cpp's default_generation_settings.n_ctx, or n_ctx at the top", () => {
    expect(contextTokensFromProps({ default_generation_settings: { n_ctx: 8192 }, total_slots: 1 })).toBe(8192);
    expect(contextTokensFromProps({ n_ctx: 4096 })).toBe(4096);
  });

  it("is undefined for anything else", () => {
    expect(contextTokensFromProps({ default_generation_settings: { n_ctx: "big" } })).toBeUndefined();
    expect(contextTokensFromProps(null)).toBeUndefined();
    expect(contextTokensFromProps({ models: [] })).toBeUndefined();
  });
});

describe("maxOutputTokensFor", () => {
  it("has a default per purpose: questions small, documents larger, agent steps moderate", () => {
    const [questions, documents, agent] = (["questions", "documents", "agent"] as const).map((purpose) =>
      maxOutputTokensFor(purpose, undefined, undefined),
    );
    expect(questions).toBe(DEFAULT_MAX_OUTPUT_TOKENS.questions);
    expect(questions).toBeLessThan(agent ?? 0);
    expect(agent).toBeLessThan(documents ?? 0);
  });

  it("takes one number for every purpose, or one per purpose with the defaults for the rest", () => {
    expect(maxOutputTokensFor("questions", 777, undefined)).toBe(777);
    expect(maxOutputTokensFor("agent", { agent: 900 }, undefined)).toBe(900);
    expect(maxOutputTokensFor("documents", { agent: 900 }, undefined)).toBe(DEFAULT_MAX_OUTPUT_TOKENS.documents);
  });

  it("keeps a default to half a small window, but an explicit setting as set", () => {
    expect(maxOutputTokensFor("documents", undefined, 8192)).toBe(4096);
    expect(maxOutputTokensFor("documents", 6000, 8192)).toBe(6000);
    expect(maxOutputTokensFor("questions", undefined, 8192)).toBe(DEFAULT_MAX_OUTPUT_TOKENS.questions);
  });
});

describe("context budget from contextTokens", () => {
  it("leaves the answer and the framing out of the window", () => {
    // 8192 - 4096 - 1200 = 2896 tokens at 3 characters.
    expect(contextCharsFor(8192, 4096)).toBe(2896 * 3);
    expect(contextCharsFor(131_072, 8192)).toBeGreaterThan(contextCharsFor(32_768, 8192));
  });

  it("never exceeds the fixed default, and keeps a floor for a window too small to matter", () => {
    expect(contextBudgetChars(200_000, { contextTokens: 1_000_000, outputTokens: 8192 })).toBe(200_000);
    expect(contextBudgetChars(200_000, { contextTokens: 8192, outputTokens: 4096 })).toBe(2896 * 3);
    expect(contextBudgetChars(200_000, undefined)).toBe(200_000);
    expect(contextCharsFor(2048, 1024)).toBe(2000);
  });
});

describe("shouldRetry after a time-out", () => {
  const base = { retried: 0, slowRetried: 0, maxRetries: 4 };
  it("tries a time-out or a silence once more, never four times", () => {
    expect(shouldRetry({ ...base, kind: "timeout" })).toBe(true);
    expect(shouldRetry({ ...base, kind: "timeout", retried: 1, slowRetried: 1 })).toBe(false);
    expect(shouldRetry({ ...base, kind: "silence", retried: 1, slowRetried: 1 })).toBe(false);
  });

  it("keeps the full retries for statuses, network errors and cut connections", () => {
    expect(shouldRetry({ ...base, kind: "status", retried: 3, slowRetried: 1 })).toBe(true);
    expect(shouldRetry({ ...base, kind: "cut", retried: 3 })).toBe(true);
    expect(shouldRetry({ ...base, kind: "network", retried: 4 })).toBe(false);
    expect(shouldRetry({ ...base, kind: "timeout", maxRetries: 0 })).toBe(false);
  });
});

describe("shrinkPrompt", () => {
  const prompt: LanguageModelV3Prompt = [
    { role: "system", content: "S".repeat(500) },
    { role: "user", content: [{ type: "text", text: `important start ${"x".repeat(5000)}` }] },
    {
      role: "tool",
      content: [
        {
          type: "tool-result",
          toolCallId: "1",
          toolName: "read_file",
          output: { type: "text", value: "y".repeat(3000) },
        },
      ],
    },
    { role: "user", content: [{ type: "text", text: "fix the test" }] },
  ];

  it("cuts the longest texts from their end to the target, keeping the system prompt and their starts", () => {
    const smaller = shrinkPrompt(prompt, 4000);
    expect(smaller).toBeDefined();
    if (smaller === undefined) return;
    expect(promptChars(smaller)).toBeLessThanOrEqual(4000);
    expect(smaller[0]).toEqual(prompt[0]);
    expect(JSON.stringify(smaller[1])).toContain("important start");
    expect(JSON.stringify(smaller)).toContain("cut by Specwright");
    expect(JSON.stringify(smaller[3])).toContain("fix the test");
    // The original is left as it was.
    expect(promptChars(prompt)).toBe(500 + 16 + 5000 + 3000 + 12);
  });

  it("is undefined when the prompt already fits", () => {
    expect(shrinkPrompt(prompt, 100_000)).toBeUndefined();
  });

  it("aims at the reported window less the answer, and at two thirds when no window is named", () => {
    expect(shrinkTargetChars(90_000, undefined, 1000)).toBe(60_000);
    expect(shrinkTargetChars(90_000, 8192, 2048)).toBe((8192 - 2048 - 1200) * 3);
  });
});
