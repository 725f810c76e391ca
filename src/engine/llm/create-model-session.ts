import { setTimeout as delay } from "node:timers/promises";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { appendUsageRecord } from "../../workspace/usage-log.js";
import { checkModelCredentials } from "./check-model-credentials.js";
import { createLanguageModel } from "./create-language-model.js";
import { hasJsonMode, jsonTextOutput } from "./json-text-output.js";
import { mapModelError } from "./map-model-error.js";
import { checkBudgetAfterCall, checkBudgetBeforeCall } from "./model-budget.js";
import { modelCallMiddleware } from "./model-call-middleware.js";
import { estimateCostUsd, findModelPrice, type ModelPrice } from "./model-prices.js";
import type {
  ModelCall,
  ModelEvent,
  ModelResult,
  ModelSelection,
  ModelSession,
  TokenUsage,
  UsageTotals,
} from "./model-session.js";
import { type MaxOutputTokensSetting, maxOutputTokensFor } from "./output-token-limits.js";
import { probeContextWindow } from "./probe-context-window.js";
import { redactSecrets, secretValuesOf } from "./redact-secrets.js";
import type { Environment } from "./resolve-model-selection.js";
import {
  backoffDelayMs,
  DEFAULT_CALL_DEADLINE_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from "./retry-policy.js";
import { createRetryingFetch, type FetchFunction } from "./retrying-fetch.js";
import { estimatePromptTokens, estimateTokens } from "./token-estimate.js";
import { addUsage, EMPTY_TOTALS } from "./usage-totals.js";

export interface ModelLimits {
  readonly maxTokens?: number;
  /** USD. */
  readonly maxCost?: number;
  readonly requestTimeoutMs?: number;
  /** Silence allowed between two chunks of a streamed answer; default `requestTimeoutMs`. */
  readonly idleTimeoutMs?: number;
  /** The most one model request may take in all. */
  readonly callDeadlineMs?: number;
  readonly maxRetries?: number;
  /** `max_tokens` for every call, or per purpose; defaults per purpose otherwise. */
  readonly maxOutputTokens?: MaxOutputTokensSetting;
  /** The model's context window in tokens, when known. */
  readonly contextTokens?: number;
}

export interface CreateModelSessionOptions {
  readonly selection: ModelSelection;
  readonly env: Environment;
  readonly limits?: ModelLimits;
  /** USD per million tokens by model id, over the built-in table (settings `pricing`). */
  readonly pricing?: Readonly<Record<string, ModelPrice>>;
  readonly onEvent?: (event: ModelEvent) => void;
  /** A model to use instead of the provider's (tests: a MockLanguageModelV3). No credentials are checked then. */
  readonly languageModel?: LanguageModelV3;
  /** The workspace root; with `command`, every call is appended to `.kiro/specwright/usage.jsonl`. */
  readonly root?: string;
  readonly command?: string;
  /** Stream answers (progress events) or wait for whole ones. Default true. */
  readonly streaming?: boolean;
  /** For tests: the jitter's random numbers, the wait, and the fetch under the retrying one. */
  readonly random?: () => number;
  readonly sleep?: (milliseconds: number, signal: AbortSignal | undefined) => Promise<void>;
  readonly fetch?: FetchFunction;
  /** Ask an openai-compatible server for its window (`GET /props`) when `limits.contextTokens` is unset. Default true. */
  readonly probeContextWindow?: boolean;
}

/** A session that can also wait for its usage records to be written. */
export interface RecordingModelSession extends ModelSession {
  /** The retrying fetch the provider uses, for callers that build their own requests. */
  readonly fetch: FetchFunction;
  /** Waits until the usage records of `record()` calls are written (they are written in the background). */
  flush(): Promise<void>;
}

interface CallOutcome {
  readonly text: string;
  readonly usage: TokenUsage;
  readonly finishReason: string;
}

/**
 * Opens the one way a command talks to its model: credentials checked, the provider's client on a
 * retrying fetch, usage and cost summed, budgets enforced, and every call recorded.
 */
export async function createModelSession(options: CreateModelSessionOptions): Promise<RecordingModelSession> {
  const { selection, env, limits = {}, onEvent } = options;
  const secrets = secretValuesOf(env);
  const maxRetries = limits.maxRetries ?? DEFAULT_MAX_RETRIES;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const price = findModelPrice(selection.modelId, options.pricing);
  const streaming = options.streaming ?? true;
  let totals: UsageTotals = { ...EMPTY_TOTALS, costUsd: price === undefined ? undefined : 0 };
  let currentPurpose = "model call";
  // What the settings say, lowered when a server names a smaller window in a refusal.
  let contextTokens = limits.contextTokens;
  const pendingWrites = new Set<Promise<void>>();

  const emit = (event: ModelEvent) => onEvent?.(event);
  if (limits.maxCost !== undefined && price === undefined) {
    emit({
      type: "warning",
      purpose: "budget",
      message: `No price is known for "${selection.modelId}", so the cost budget cannot stop this command; add it under "pricing" in .kiro/settings/specwright.json.`,
    });
  }
  const countRetry = (attempt: number, delayMs: number, reason: string) => {
    totals = { ...totals, retries: (totals.retries ?? 0) + 1 };
    emit({ type: "retry", purpose: currentPurpose, attempt, delayMs, reason });
  };

  const fetch = createRetryingFetch({
    maxRetries,
    requestTimeoutMs: limits.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    ...(limits.idleTimeoutMs !== undefined ? { idleTimeoutMs: limits.idleTimeoutMs } : {}),
    deadlineMs: limits.callDeadlineMs ?? DEFAULT_CALL_DEADLINE_MS,
    onRetry: (notice) => countRetry(notice.attempt, notice.delayMs, notice.reason),
    random,
    sleep,
    secrets,
    ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
  });
  if (options.languageModel === undefined) checkModelCredentials(selection, env);
  // Loaded on first use, so that importing the library (or building the CLI's command tree) stays cheap.
  const { generateText, streamText, wrapLanguageModel } = await import("ai");
  const baseModel = options.languageModel ?? (await createLanguageModel(selection, { env, fetch }));
  // llama.cpp's server tells its window (`/props`); asked once, so the first prompt already fits.
  if (
    contextTokens === undefined &&
    options.languageModel === undefined &&
    selection.provider === "openai-compatible" &&
    selection.baseUrl !== undefined &&
    options.probeContextWindow !== false
  ) {
    contextTokens = await probeContextWindow(selection.baseUrl, options.fetch ?? globalThis.fetch);
  }
  const waitBeforeRetry = async (attempt: number, reason: string, signal?: AbortSignal) => {
    const delayMs = backoffDelayMs(attempt - 1, random);
    countRetry(attempt, delayMs, reason);
    await sleep(delayMs, signal);
  };
  const outputTokens = (purpose: "questions" | "documents" | "agent") =>
    maxOutputTokensFor(purpose, limits.maxOutputTokens, contextTokens);
  const languageModel = wrapLanguageModel({
    model: baseModel,
    middleware: modelCallMiddleware({
      maxRetries,
      beforeRetry: waitBeforeRetry,
      mapError: (error) => mapModelError(error, selection, secrets),
      get defaultMaxOutputTokens() {
        return outputTokens("agent");
      },
      contextTokens: () => contextTokens,
      learnContextTokens: (tokens) => {
        contextTokens = Math.min(tokens, contextTokens ?? tokens);
      },
      onProgress: (characters) =>
        emit({ type: "progress", purpose: currentPurpose, characters, outputTokens: Math.ceil(characters / 4) }),
      onWarning: (message) => emit({ type: "warning", purpose: currentPurpose, message }),
    }),
  });

  const writeRecord = (purpose: string, usage: TokenUsage): Promise<void> => {
    if (options.root === undefined || options.command === undefined) return Promise.resolve();
    const costUsd = estimateCostUsd(usage, price);
    const write = appendUsageRecord(options.root, {
      at: new Date().toISOString(),
      command: options.command,
      purpose,
      provider: selection.provider,
      modelId: selection.modelId,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      costUsd: costUsd ?? null,
    }).catch((error: unknown) => {
      // The model's work is done and paid for; a log that cannot be written must not throw it away.
      const message = error instanceof Error ? error.message : String(error);
      emit({ type: "warning", purpose, message: `Usage not recorded: ${redactSecrets(message, secrets)}` });
    });
    pendingWrites.add(write);
    return write.finally(() => pendingWrites.delete(write));
  };

  const account = (purpose: string, usage: TokenUsage, agentStep = false): Promise<void> => {
    totals = addUsage(totals, usage, price);
    emit({ type: "call-end", purpose, usage, totals, ...(agentStep ? { agentStep } : {}) });
    return writeRecord(purpose, usage);
  };

  const maxOutputTokensOf = (call: ModelCall) =>
    call.maxOutputTokens ?? outputTokens(call.outputPurpose ?? "documents");

  const attemptCall = async (call: ModelCall): Promise<CallOutcome> => {
    const json = call.json === true && hasJsonMode(selection.provider);
    const request = {
      // Through the middleware: retries of cut-off answers, a prompt cut once to fit, progress, errors as text.
      model: languageModel,
      system: call.system,
      messages: [...call.messages],
      maxRetries: 0,
      maxOutputTokens: maxOutputTokensOf(call),
      ...(call.abortSignal !== undefined ? { abortSignal: call.abortSignal } : {}),
      ...(json ? { output: jsonTextOutput } : {}),
    };
    if (!streaming) {
      const result = await generateText(request);
      return {
        text: result.text,
        usage: usageOf(result.totalUsage, call, result.text),
        finishReason: result.finishReason,
      };
    }
    let failure: unknown;
    const result = streamText({
      ...request,
      onError: ({ error }) => {
        failure = error;
      },
    });
    let text = "";
    let finishReason = "unknown";
    let reported: TokenUsage | undefined;
    for await (const part of result.fullStream) {
      if (part.type === "text-delta") {
        text += part.text;
      } else if (part.type === "error") {
        throw part.error;
      } else if (part.type === "abort") {
        throw abortReason(call.abortSignal);
      } else if (part.type === "finish") {
        finishReason = part.finishReason;
        reported = usageOf(part.totalUsage, call, text);
      }
    }
    if (failure !== undefined) throw failure;
    // A stream the caller stopped ends quietly; its partial text is not an answer.
    if (call.abortSignal?.aborted) throw abortReason(call.abortSignal);
    return { text, usage: reported ?? usageOf(undefined, call, text), finishReason };
  };

  const generate = async (call: ModelCall): Promise<ModelResult> => {
    const estimate = {
      inputTokens: estimatePromptTokens(call.system, call.messages),
      outputTokens: call.maxOutputTokens ?? 0,
    };
    checkBudgetBeforeCall(limits, totals, estimate, price);
    currentPurpose = call.purpose;
    emit({ type: "call-start", purpose: call.purpose });
    let outcome: CallOutcome;
    try {
      outcome = await attemptCall(call);
    } catch (error) {
      emit({ type: "call-failed", purpose: call.purpose });
      if (call.abortSignal?.aborted) throw error;
      throw mapModelError(error, selection, secrets);
    }
    await account(call.purpose, outcome.usage);
    checkBudgetAfterCall(limits, totals);
    return outcome;
  };

  return {
    selection,
    languageModel,
    fetch,
    generate,
    record(purpose, usage) {
      // The agent loop's next requests (and their retries) belong to the same purpose.
      currentPurpose = purpose;
      void account(purpose, usage, true);
      checkBudgetAfterCall(limits, totals);
    },
    totals: () => totals,
    contextTokens: () => contextTokens,
    maxOutputTokens: outputTokens,
    flush: async () => {
      await Promise.all([...pendingWrites]);
    },
  };
}

/** The provider's counts; where it reports none (some local servers), an estimate from the text. */
function usageOf(
  usage: { inputTokens: number | undefined; outputTokens: number | undefined } | undefined,
  call: ModelCall,
  text: string,
): TokenUsage {
  return {
    inputTokens: usage?.inputTokens ?? estimatePromptTokens(call.system, call.messages),
    outputTokens: usage?.outputTokens ?? estimateTokens(text),
  };
}

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException("The model call was aborted.", "AbortError");
}

function defaultSleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return delay(milliseconds, undefined, signal === undefined ? {} : { signal });
}
