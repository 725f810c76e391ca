import type { LanguageModelMiddleware } from "ai";
import { findStreamInterruption } from "./stream-interrupted-error.js";

export interface InterruptedCallRetry {
  readonly maxRetries: number;
  /** Called before each new attempt; waits as long as it should. */
  readonly beforeRetry: (attempt: number, reason: string) => Promise<void>;
  /** Turns a final failure into the error callers see (an EngineError with a fix, secrets removed). */
  readonly mapError: (error: unknown) => unknown;
}

/**
 * For callers that use the language model directly (the agent loop with generateText): a response whose
 * body was cut off is asked for again as a whole, so no half answer is ever returned, and failures reach
 * the caller as the same EngineErrors `session.generate` throws. A caller's abort passes through as it is.
 */
export function retryInterruptedCalls(retry: InterruptedCallRetry): LanguageModelMiddleware {
  return {
    specificationVersion: "v3",
    wrapGenerate: async ({ doGenerate, params }) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await doGenerate();
        } catch (error) {
          if (params.abortSignal?.aborted) throw error;
          const interruption = findStreamInterruption(error);
          if (interruption === undefined || attempt >= retry.maxRetries) throw retry.mapError(error);
          await retry.beforeRetry(attempt + 1, interruption.reason);
        }
      }
    },
    wrapStream: async ({ doStream, params }) => {
      try {
        return await doStream();
      } catch (error) {
        if (params.abortSignal?.aborted) throw error;
        throw retry.mapError(error);
      }
    },
  };
}
