import { describe, expect, it } from "vitest";
import { backoffDelayMs, isRetryableStatus, retryAfterMs } from "../../../src/engine/llm/retry-policy.js";

describe("backoffDelayMs", () => {
  it("grows exponentially with full jitter: a uniform share of a doubling ceiling", () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelayMs(attempt, () => 1))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelayMs(3, () => 0)).toBe(0);
    expect(backoffDelayMs(2, () => 0.5)).toBe(1000);
  });

  it("is capped at 30 s however many attempts", () => {
    expect(backoffDelayMs(40, () => 1)).toBe(30_000);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-11-22T10:00:00Z");

  it("reads retry-after-ms first, then Retry-After seconds", () => {
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ "retry-after": "2" }), now)).toBe(2000);
    expect(retryAfterMs(new Headers({ "retry-after": "0.5" }), now)).toBe(500);
  });

  it("reads Retry-After as an HTTP date", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "Sun, 22 Nov 2026 10:00:05 GMT" }), now)).toBe(5000);
    expect(retryAfterMs(new Headers({ "retry-after": "Sun, 22 Nov 2026 09:59:00 GMT" }), now)).toBe(0);
  });

  it("is undefined when absent or unreadable", () => {
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after-ms": "-3" }), now)).toBeUndefined();
  });
});

describe("isRetryableStatus", () => {
  it("retries rate limits and server errors, not client errors", () => {
    expect([429, 500, 502, 503, 529, 408].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 422].some(isRetryableStatus)).toBe(false);
  });
});
