import type { FailureKind } from "./retry-policy.js";

/**
 * A response body that ended before it was complete (the connection dropped, or it went silent past the
 * time-out). The request itself succeeded, so only the caller can retry: the whole call, never a half answer.
 */
export class ModelStreamInterruptedError extends Error {
  constructor(
    readonly reason: string,
    /** "silence" when it stopped flowing (retried once at most), "cut" when the connection dropped. */
    readonly kind: Extract<FailureKind, "cut" | "silence"> = "cut",
  ) {
    super(`The model's answer was cut off: ${reason}.`);
    this.name = "ModelStreamInterruptedError";
  }
}

/** Finds the interruption in an error or its causes (the AI SDK wraps what a fetch body throws). */
export function findStreamInterruption(error: unknown): ModelStreamInterruptedError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    if (current instanceof ModelStreamInterruptedError) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

/**
 * Why a call's answer is incomplete, when it is: a ModelStreamInterruptedError from the transport, or a
 * stream the server closed cleanly before its finish chunk (the provider reports that as an error part).
 */
export function interruptionOf(
  error: unknown,
): { readonly reason: string; readonly kind: "cut" | "silence" } | undefined {
  const interruption = findStreamInterruption(error);
  if (interruption !== undefined) return { reason: interruption.reason, kind: interruption.kind };
  if (error instanceof Error && /stream ended without a finish reason/i.test(error.message)) {
    return { reason: "the stream ended before its finish", kind: "cut" };
  }
  return undefined;
}

export function interruptionReason(error: unknown): string | undefined {
  return interruptionOf(error)?.reason;
}
