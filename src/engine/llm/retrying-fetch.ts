import { setTimeout as delay } from "node:timers/promises";
import { EngineError } from "../errors/engine-error.js";
import { redactSecrets } from "./redact-secrets.js";
import {
  backoffDelayMs,
  DEFAULT_CALL_DEADLINE_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type FailureKind,
  isRetryableStatus,
  MAX_RETRY_AFTER_MS,
  retryAfterMs,
  shouldRetry,
} from "./retry-policy.js";
import { ModelStreamInterruptedError } from "./stream-interrupted-error.js";

export type FetchFunction = typeof globalThis.fetch;

export interface RetryNotice {
  /** 1 for the first retry. */
  readonly attempt: number;
  readonly delayMs: number;
  /** What failed, e.g. "HTTP 429" or "no answer within 120 s". */
  readonly reason: string;
}

export interface RetryingFetchOptions {
  readonly maxRetries?: number;
  /** Time-out of one request until its headers arrive (a local server reads the whole prompt first). */
  readonly requestTimeoutMs?: number;
  /** Time-out of each silence in a body; default `requestTimeoutMs`. */
  readonly idleTimeoutMs?: number;
  /** The most one request may take in all, retries and body included (a trickle cannot keep it alive). */
  readonly deadlineMs?: number;
  readonly onRetry?: (notice: RetryNotice) => void;
  /** For tests: a random number in [0, 1) for the jitter. */
  readonly random?: () => number;
  /** For tests: how to wait. Rejects when `signal` aborts. */
  readonly sleep?: (milliseconds: number, signal: AbortSignal | undefined) => Promise<void>;
  readonly now?: () => number;
  /** The fetch to wrap; the global one by default. */
  readonly fetch?: FetchFunction;
  /** Values that must never appear in an error message (API keys). */
  readonly secrets?: readonly string[];
}

const BODY_EXCERPT_LENGTH = 300;

/**
 * A fetch that retries 429, 5xx and network failures with backoff (honouring Retry-After), times out
 * a request that does not answer or a body that stops flowing, and gives up with an EngineError that says
 * what happened. It is the one retry policy: callers turn off the AI SDK's own retries.
 */
export function createRetryingFetch(options: RetryingFetchOptions = {}): FetchFunction {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const idleTimeoutMs = options.idleTimeoutMs ?? timeoutMs;
  const deadlineMs = options.deadlineMs ?? DEFAULT_CALL_DEADLINE_MS;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const baseFetch = options.fetch ?? globalThis.fetch;
  const secrets = options.secrets ?? [];

  const retryingFetch = async (input: Parameters<FetchFunction>[0], init?: RequestInit): Promise<Response> => {
    const callerSignal = init?.signal ?? undefined;
    const target = describeTarget(input);
    const deadline = now() + deadlineMs;
    let slowRetried = 0;
    for (let attempt = 0; ; attempt++) {
      callerSignal?.throwIfAborted();
      const attemptController = new AbortController();
      const forwardAbort = () => attemptController.abort(callerSignal?.reason);
      callerSignal?.addEventListener("abort", forwardAbort, { once: true });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        attemptController.abort(new Error(`no answer within ${seconds(timeoutMs)}`));
      }, timeoutMs);
      const deadlineError = deadlineExceeded(target, deadlineMs);
      const deadlineTimer = setTimeout(() => attemptController.abort(deadlineError), Math.max(0, deadline - now()));
      // A body nobody reads to its end must not keep the process alive until the deadline.
      deadlineTimer.unref();
      let failure: {
        reason: string;
        code: string;
        kind: FailureKind;
        status?: number;
        excerpt?: string;
        waitMs?: number;
      };
      let handedOver = false;
      try {
        const response = await baseFetch(input, { ...init, signal: attemptController.signal });
        clearTimeout(timer);
        if (response.ok || !isRetryableStatus(response.status)) {
          // The caller's abort must still reach the body, so the listener goes when the body ends.
          handedOver = true;
          return watchBody(response, attemptController, idleTimeoutMs, deadlineError, () => {
            clearTimeout(deadlineTimer);
            callerSignal?.removeEventListener("abort", forwardAbort);
          });
        }
        const excerpt = redactSecrets(await bodyExcerpt(response), secrets);
        failure = {
          reason: `HTTP ${response.status}`,
          code: response.status === 429 ? "model-rate-limited" : "model-unavailable",
          kind: "status",
          status: response.status,
          excerpt,
          waitMs: retryAfterMs(response.headers, now()),
        };
      } catch (error) {
        clearTimeout(timer);
        if (callerSignal?.aborted) throw error;
        if (attemptController.signal.reason === deadlineError) throw deadlineError;
        failure = timedOut
          ? { reason: `no answer within ${seconds(timeoutMs)}`, code: "model-timeout", kind: "timeout" }
          : {
              reason: `network error: ${redactSecrets(networkMessage(error), secrets)}`,
              code: "model-unreachable",
              kind: "network",
            };
      } finally {
        if (!handedOver) {
          clearTimeout(deadlineTimer);
          callerSignal?.removeEventListener("abort", forwardAbort);
        }
      }
      const waitMs = failure.waitMs ?? backoffDelayMs(attempt, random);
      const retry = shouldRetry({ kind: failure.kind, retried: attempt, slowRetried, maxRetries });
      if (!retry || waitMs > MAX_RETRY_AFTER_MS || now() + waitMs >= deadline) {
        throw giveUp(failure, target, attempt + 1, waitMs > MAX_RETRY_AFTER_MS ? waitMs : undefined);
      }
      if (failure.kind === "timeout") slowRetried += 1;
      options.onRetry?.({ attempt: attempt + 1, delayMs: waitMs, reason: failure.reason });
      await sleep(waitMs, callerSignal);
    }
  };
  return retryingFetch;
}

/**
 * Passes the body through, ending it with a ModelStreamInterruptedError when the connection drops or
 * stays silent longer than `idleTimeoutMs`; a caller's own abort passes through unchanged.
 */
function watchBody(
  response: Response,
  attemptController: AbortController,
  idleTimeoutMs: number,
  deadlineError: EngineError,
  done: () => void,
): Response {
  const source = response.body;
  if (source === null) {
    done();
    return response;
  }
  const reader = source.getReader();
  let received = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let idle = false;
      const timer = setTimeout(() => {
        idle = true;
        attemptController.abort(new Error("the response stopped"));
      }, idleTimeoutMs);
      try {
        const { done: finished, value } = await reader.read();
        if (finished) {
          done();
          controller.close();
          return;
        }
        received += value.byteLength;
        controller.enqueue(value);
      } catch (error) {
        done();
        if (attemptController.signal.reason === deadlineError) {
          controller.error(deadlineError);
          return;
        }
        const reason = idle
          ? `the response was silent for ${seconds(idleTimeoutMs)} after ${received} bytes`
          : `the connection dropped after ${received} bytes (${networkMessage(error)})`;
        controller.error(
          attemptController.signal.aborted && !idle
            ? error
            : new ModelStreamInterruptedError(reason, idle ? "silence" : "cut"),
        );
      } finally {
        clearTimeout(timer);
      }
    },
    async cancel(reason) {
      done();
      await reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function giveUp(
  failure: { reason: string; code: string; status?: number; excerpt?: string },
  target: string,
  attempts: number,
  refusedWaitMs: number | undefined,
): EngineError {
  const said = failure.excerpt !== undefined && failure.excerpt !== "" ? `: ${failure.excerpt}` : "";
  const waited =
    refusedWaitMs !== undefined
      ? ` The server asked to wait ${seconds(refusedWaitMs)}, longer than Specwright waits.`
      : ` Gave up after ${attempts} attempt${attempts === 1 ? "" : "s"}.`;
  const fixes: Record<string, string> = {
    "model-rate-limited":
      'The provider is rate-limiting this key: wait a minute and run again, or raise "limits.maxRetries" in .kiro/settings/specwright.json.',
    "model-unavailable":
      'The provider failed on its side: run again later, or raise "limits.maxRetries" in .kiro/settings/specwright.json.',
    "model-timeout": `The server at ${target} did not start answering in time (a CPU model reading a long prompt is slow): raise "limits.requestTimeoutMs" in .kiro/settings/specwright.json, set "limits.contextTokens" to the model's window so Specwright sends less, or use a smaller model.`,
    "model-unreachable": `Check that ${target} is reachable (is the server running? is SPECWRIGHT_BASE_URL right?), then run again.`,
  };
  return new EngineError({
    code: failure.code,
    message: `The model request to ${target} failed (${failure.reason})${said}.${waited}`,
    fix: fixes[failure.code] ?? "Run again later.",
  });
}

/** The overall deadline of one request: not retried, since the same request would take as long again. */
function deadlineExceeded(target: string, deadlineMs: number): EngineError {
  return new EngineError({
    code: "model-deadline",
    message: `The model call to ${target} was still not finished after ${seconds(deadlineMs)}, the deadline of one call; it was stopped.`,
    fix: 'Raise "limits.callDeadlineMs" in .kiro/settings/specwright.json for a slow model, lower "limits.maxOutputTokens" so answers end sooner, or set "limits.contextTokens" so prompts are smaller.',
  });
}

async function bodyExcerpt(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > BODY_EXCERPT_LENGTH ? `${flat.slice(0, BODY_EXCERPT_LENGTH)}…` : flat;
}

/** Origin and path only: a query string may carry a key. */
function describeTarget(input: Parameters<FetchFunction>[0]): string {
  const text = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  try {
    const url = new URL(text);
    return `${url.origin}${url.pathname}`;
  } catch {
    return "the model endpoint";
  }
}

function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`;
}

function seconds(milliseconds: number): string {
  return milliseconds >= 1000 ? `${Math.round(milliseconds / 100) / 10} s` : `${milliseconds} ms`;
}

function defaultSleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return delay(milliseconds, undefined, signal === undefined ? {} : { signal });
}
