import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import { convertArrayToReadableStream, MockLanguageModelV3 } from "ai/test";

export interface MockToolCall {
  readonly name: string;
  readonly input: Record<string, unknown>;
  readonly id?: string;
}

/**
 * One scripted answer of a mock model: a text, tool calls (with optional text), or a failure. A failure
 * with `partialText` streams that text first, then the error, as a connection dropping mid-answer would.
 */
export type MockReply =
  | string
  | {
      readonly text?: string;
      readonly toolCalls?: readonly MockToolCall[];
      readonly usage?: { readonly inputTokens: number; readonly outputTokens: number };
      readonly finishReason?: "stop" | "length" | "content-filter" | "tool-calls" | "error" | "other";
    }
  | { readonly error: unknown; readonly partialText?: string };

export interface MockModel {
  readonly model: MockLanguageModelV3;
  /** The options of every call, streamed or not, in order. */
  readonly calls: LanguageModelV3CallOptions[];
  /** The system prompt and the last user message of each call, as text. */
  readonly prompts: () => { system: string; lastUser: string }[];
  remaining(): number;
}

const DEFAULT_USAGE = { inputTokens: 100, outputTokens: 50 };

/**
 * A MockLanguageModelV3 that answers `generateText` and `streamText` from one queue of replies and records
 * what it was asked. Running out of replies fails the call, so a test never passes on an unplanned call.
 */
export function createMockModel(
  replies: readonly MockReply[],
  options: { readonly provider?: string; readonly modelId?: string } = {},
): MockModel {
  const queue = [...replies];
  const calls: LanguageModelV3CallOptions[] = [];
  const next = (callOptions: LanguageModelV3CallOptions): MockReply => {
    calls.push(callOptions);
    const reply = queue.shift();
    if (reply === undefined) throw new Error("mock model: no scripted reply left");
    return reply;
  };
  const model = new MockLanguageModelV3({
    provider: options.provider ?? "mock",
    modelId: options.modelId ?? "mock-model",
    doGenerate: async (callOptions) => generateResult(next(callOptions)),
    doStream: async (callOptions) => ({ stream: convertArrayToReadableStream(streamParts(next(callOptions))) }),
  });
  return {
    model,
    calls,
    prompts: () => calls.map(promptText),
    remaining: () => queue.length,
  };
}

function generateResult(reply: MockReply): LanguageModelV3GenerateResult {
  if (typeof reply !== "string" && "error" in reply) throw reply.error;
  const { text, toolCalls, usage, finishReason } = normalize(reply);
  const content: LanguageModelV3Content[] = [
    ...(text !== "" ? [{ type: "text" as const, text }] : []),
    ...toolCalls.map((call, index) => ({
      type: "tool-call" as const,
      toolCallId: call.id ?? `call-${index + 1}`,
      toolName: call.name,
      input: JSON.stringify(call.input),
    })),
  ];
  return { content, finishReason: { unified: finishReason, raw: finishReason }, usage: usageOf(usage), warnings: [] };
}

function streamParts(reply: MockReply): LanguageModelV3StreamPart[] {
  const parts: LanguageModelV3StreamPart[] = [{ type: "stream-start", warnings: [] }];
  if (typeof reply !== "string" && "error" in reply) {
    if (reply.partialText !== undefined) parts.push(...textParts(reply.partialText));
    parts.push({ type: "error", error: reply.error });
    return parts;
  }
  const { text, toolCalls, usage, finishReason } = normalize(reply);
  if (text !== "") parts.push(...textParts(text));
  toolCalls.forEach((call, index) => {
    parts.push({
      type: "tool-call",
      toolCallId: call.id ?? `call-${index + 1}`,
      toolName: call.name,
      input: JSON.stringify(call.input),
    });
  });
  parts.push({ type: "finish", finishReason: { unified: finishReason, raw: finishReason }, usage: usageOf(usage) });
  return parts;
}

function textParts(text: string): LanguageModelV3StreamPart[] {
  const parts: LanguageModelV3StreamPart[] = [{ type: "text-start", id: "text-1" }];
  for (let index = 0; index < text.length; index += 10) {
    parts.push({ type: "text-delta", id: "text-1", delta: text.slice(index, index + 10) });
  }
  parts.push({ type: "text-end", id: "text-1" });
  return parts;
}

function normalize(reply: Exclude<MockReply, { readonly error: unknown }>) {
  if (typeof reply === "string") {
    return { text: reply, toolCalls: [], usage: DEFAULT_USAGE, finishReason: "stop" as const };
  }
  const toolCalls = reply.toolCalls ?? [];
  return {
    text: reply.text ?? "",
    toolCalls,
    usage: reply.usage ?? DEFAULT_USAGE,
    finishReason: reply.finishReason ?? (toolCalls.length > 0 ? ("tool-calls" as const) : ("stop" as const)),
  };
}

function usageOf(usage: { inputTokens: number; outputTokens: number }): LanguageModelV3Usage {
  return {
    inputTokens: { total: usage.inputTokens, noCache: usage.inputTokens, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: usage.outputTokens, text: usage.outputTokens, reasoning: undefined },
  };
}

function promptText(call: LanguageModelV3CallOptions): { system: string; lastUser: string } {
  const system = call.prompt
    .filter((message) => message.role === "system")
    .map((message) => message.content)
    .join("\n");
  const users = call.prompt.filter((message) => message.role === "user");
  const last = users.at(-1);
  const lastUser =
    last === undefined ? "" : last.content.map((part) => (part.type === "text" ? part.text : "")).join("");
  return { system, lastUser };
}
