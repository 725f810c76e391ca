import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
} from "@ai-sdk/provider";
import type { LanguageModelMiddleware } from "ai";
import { ContextOverflowError } from "./context-overflow-error.js";
import { shouldRetry } from "./retry-policy.js";
import { promptChars, shrinkPrompt, shrinkTargetChars } from "./shrink-prompt.js";
import { interruptionOf } from "./stream-interrupted-error.js";

export interface ModelCallMiddlewareOptions {
  readonly maxRetries: number;
  /** Called before each new attempt; waits as long as it should. */
  readonly beforeRetry: (attempt: number, reason: string, signal?: AbortSignal) => Promise<void>;
  /** Turns a final failure into the error callers see (an EngineError with a fix, secrets removed). */
  readonly mapError: (error: unknown) => unknown;
  /** `max_tokens` of a call that did not set one (the agent's steps). */
  readonly defaultMaxOutputTokens: number;
  /** The window as far as known (settings, or what a server said); updated by `learnContextTokens`. */
  readonly contextTokens: () => number | undefined;
  readonly learnContextTokens: (tokens: number) => void;
  /** While an answer streams in: characters and (estimated) tokens so far. */
  readonly onProgress: (characters: number) => void;
  /** Something the user should hear of: a prompt cut to fit. */
  readonly onWarning: (message: string) => void;
}

/**
 * Every call through the session's model: `max_tokens` always sent, a body cut off or silent asked for
 * again as a whole (a silence or a time-out once at most), a prompt the server refused as too long for its
 * window cut once to fit and sent again, and failures mapped to EngineErrors with text (never an object).
 * A stream is read to its end before the caller sees it, so a retry never follows a half answer; its
 * progress is reported while it arrives, so a slow model streaming steadily is seen working.
 */
export function modelCallMiddleware(options: ModelCallMiddlewareOptions): LanguageModelMiddleware {
  const withLimits = (params: LanguageModelV3CallOptions): LanguageModelV3CallOptions => ({
    ...params,
    maxOutputTokens: params.maxOutputTokens ?? options.defaultMaxOutputTokens,
  });
  const run = async <Result>(
    params: LanguageModelV3CallOptions,
    attempt: (params: LanguageModelV3CallOptions) => PromiseLike<Result>,
  ): Promise<Result> => {
    let current = params;
    let shrunk = false;
    let slowRetried = 0;
    for (let retried = 0; ; ) {
      try {
        return await attempt(current);
      } catch (error) {
        if (params.abortSignal?.aborted) throw error;
        const interruption = interruptionOf(error);
        if (interruption !== undefined) {
          if (!shouldRetry({ kind: interruption.kind, retried, slowRetried, maxRetries: options.maxRetries })) {
            throw options.mapError(error);
          }
          retried += 1;
          if (interruption.kind === "silence") slowRetried += 1;
          await options.beforeRetry(retried, interruption.reason, params.abortSignal);
          continue;
        }
        const mapped = options.mapError(error);
        if (!(mapped instanceof ContextOverflowError) || shrunk) throw mapped;
        const smaller = shrinkToFit(current, mapped, options);
        if (smaller === undefined) throw mapped;
        shrunk = true;
        current = smaller;
      }
    }
  };
  return {
    specificationVersion: "v3",
    transformParams: async ({ params }) => withLimits(params),
    wrapGenerate: ({ params, model }) => run(params, (current) => model.doGenerate(current)),
    wrapStream: ({ params, model }) => run(params, (current) => readWholeStream(model, current, options.onProgress)),
  };
}

function shrinkToFit(
  params: LanguageModelV3CallOptions,
  overflow: ContextOverflowError,
  options: ModelCallMiddlewareOptions,
): LanguageModelV3CallOptions | undefined {
  const reported = overflow.overflow.contextTokens;
  if (reported !== undefined) options.learnContextTokens(reported);
  const window = reported ?? options.contextTokens();
  // An answer ceiling as large as the window (OpenAI counts it in) leaves the prompt nothing.
  const outputTokens = Math.min(
    params.maxOutputTokens ?? options.defaultMaxOutputTokens,
    window === undefined ? Number.POSITIVE_INFINITY : Math.floor(window / 2),
  );
  const before = promptChars(params.prompt);
  const target = shrinkTargetChars(before, window, outputTokens);
  const prompt = shrinkPrompt(params.prompt, target);
  if (prompt === undefined) return undefined;
  const named = window !== undefined ? ` of ${window.toLocaleString("en-US")} tokens` : "";
  options.onWarning(
    `The prompt did not fit the model's context window${named}; trying once more with it cut from ${before.toLocaleString("en-US")} to about ${promptChars(prompt).toLocaleString("en-US")} characters. Set "limits.contextTokens" in .kiro/settings/specwright.json to send less from the start.`,
  );
  return { ...params, prompt, maxOutputTokens: outputTokens };
}

/** Reads a stream to its end (reporting progress), then replays it; an error part fails the attempt. */
async function readWholeStream(
  model: LanguageModelV3,
  params: LanguageModelV3CallOptions,
  onProgress: (characters: number) => void,
): Promise<LanguageModelV3StreamResult> {
  const result = await model.doStream(params);
  const parts: LanguageModelV3StreamPart[] = [];
  const reader = result.stream.getReader();
  let characters = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.type === "error") {
        await reader.cancel().catch(() => undefined);
        throw value.error;
      }
      if (value.type === "text-delta" || value.type === "reasoning-delta" || value.type === "tool-input-delta") {
        characters += value.delta.length;
        onProgress(characters);
      }
      parts.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return {
    ...result,
    stream: new ReadableStream<LanguageModelV3StreamPart>({
      start(controller) {
        for (const part of parts) controller.enqueue(part);
        controller.close();
      },
    }),
  };
}
