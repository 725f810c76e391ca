import type { LanguageModelMiddleware } from "ai";
import { findStreamInterruption } from "./stream-interrupted-error.js";

export interface InterruptedCallRetry {
  readonly maxRetries: number;
  /** Called before each new attempt; waits as long as it should. */
  readonly beforeRetry: (attempt: number, reason: string) => Promise<void>;
}

/**
 * For callers that use the language model directly (the agent loop with generateText): a response whose
 * body was cut off is asked for again as a whole, so no half answer is ever returned.
 */
export function retryInterruptedCalls(retry: InterruptedCallRetry): LanguageModelMiddleware {
  return {
    specificationVersion: "v3",
    wrapGenerate: async ({ doGenerate }) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await doGenerate();
        } catch (error) {
          const interruption = findStreamInterruption(error);
          if (interruption === undefined || attempt >= retry.maxRetries) throw error;
          await retry.beforeRetry(attempt + 1, interruption.reason);
        }
      }
    },
  };
}
