import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";

/** How often a long call tells the client it is still working. */
export const PROGRESS_INTERVAL_MS = 5_000;

/**
 * While a long call runs (a test suite can take minutes), sends a progress notification every few seconds
 * when the client asked for progress, so a client that resets its request time-out on progress keeps waiting.
 */
export function reportProgressWhileRunning(
  extra: RequestHandlerExtra<ServerRequest, ServerNotification>,
  message: string,
  intervalMs = PROGRESS_INTERVAL_MS,
): { stop: () => void } {
  const progressToken = extra._meta?.progressToken;
  if (progressToken === undefined) return { stop: () => undefined };
  const started = Date.now();
  const timer = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    extra
      .sendNotification({
        method: "notifications/progress",
        params: { progressToken, progress: seconds, message: `${message} (${seconds} s)` },
      })
      .catch(() => undefined);
  }, intervalMs);
  return { stop: () => clearInterval(timer) };
}
