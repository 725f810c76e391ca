/** When a failed model request is tried again, and after how long. Pure, so tests pass their own `random`. */

export const DEFAULT_MAX_RETRIES = 4;
export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;
const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** A server asking for a longer wait than this is not waited for: the call fails with what it said. */
export const MAX_RETRY_AFTER_MS = 120_000;

/** 408 and 409 are transient on some gateways; 429 is a rate limit; any 5xx may pass. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Exponential backoff with full jitter (a uniform delay between 0 and the ceiling), so clients that
 * failed together do not retry together. `attempt` counts retries from 0.
 */
export function backoffDelayMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** Math.min(attempt, 16));
  return Math.round(random() * ceiling);
}

/**
 * The wait a response asks for, in milliseconds: `retry-after-ms` (OpenAI, Anthropic), else `Retry-After`
 * as seconds or as an HTTP date. Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const milliseconds = headers.get("retry-after-ms");
  if (milliseconds !== null && milliseconds.trim() !== "") {
    const value = Number(milliseconds);
    if (Number.isFinite(value) && value >= 0) return Math.ceil(value);
  }
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter === undefined || retryAfter === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Default of `limits.callDeadlineMs`: a slow CPU model writing a long document still finishes in it. */
export const DEFAULT_CALL_DEADLINE_MS = 1_200_000;

/**
 * Why an attempt failed, for the retry decision: an HTTP status or a network error may pass; a time-out
 * (no first byte) or a silence (a stream that stopped) will most likely recur at the same size.
 */
export type FailureKind = "status" | "network" | "cut" | "timeout" | "silence";

/** A request that timed out is repeated at most this often: the same prompt to the same server is slow again. */
export const MAX_TIMEOUT_RETRIES = 1;

/**
 * Whether a failed attempt is tried again: `retried` counts the retries of the call so far, `slowRetried`
 * those after a time-out or a silence. A time-out gets one more chance, never four.
 */
export function shouldRetry(failure: {
  readonly kind: FailureKind;
  readonly retried: number;
  readonly slowRetried: number;
  readonly maxRetries: number;
}): boolean {
  if (failure.retried >= failure.maxRetries) return false;
  if (failure.kind === "timeout" || failure.kind === "silence") return failure.slowRetried < MAX_TIMEOUT_RETRIES;
  return true;
}
