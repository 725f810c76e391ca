import { APICallError } from "@ai-sdk/provider";
import { EngineError } from "../errors/engine-error.js";
import { parseContextOverflow } from "./context-overflow.js";
import { ContextOverflowError } from "./context-overflow-error.js";
import { errorText } from "./error-text.js";
import { API_KEY_VARIABLES, isModelProvider } from "./model-providers.js";
import type { ModelSelection } from "./model-session.js";
import { redactSecrets } from "./redact-secrets.js";
import { interruptionReason } from "./stream-interrupted-error.js";

/**
 * Turns whatever a model call threw into an EngineError with a fix, with secrets removed from every text.
 * EngineErrors (retries given up, budgets) pass through.
 */
export function mapModelError(error: unknown, selection: ModelSelection, secrets: readonly string[]): EngineError {
  const engineError = findEngineError(error);
  if (engineError !== undefined) return engineError;
  const model = `${selection.provider}:${selection.modelId}`;
  const interruption = interruptionReason(error);
  if (interruption !== undefined) {
    return new EngineError({
      code: "model-stream-interrupted",
      message: `The model's answer was cut off (${interruption}) on every attempt with ${model}.`,
      fix: 'Check the model server (its logs, memory), then run again; "limits.maxRetries" sets how often Specwright tries.',
    });
  }
  // The AI SDK's own retries are off (maxRetries: 0), so its errors arrive unwrapped.
  const apiError = APICallError.isInstance(error) ? error : undefined;
  if (apiError !== undefined) {
    const status = apiError.statusCode;
    const detail = redactSecrets(errorText(apiError), secrets);
    const overflow =
      status === 400 || status === 413 ? parseContextOverflow(apiError.responseBody ?? apiError.message) : undefined;
    if (overflow !== undefined) {
      return new ContextOverflowError({ ...overflow, message: redactSecrets(overflow.message, secrets) }, model);
    }
    if (status === 401 || status === 403) {
      return new EngineError({
        code: "model-auth-failed",
        message: `${model} refused the credentials (HTTP ${status}): ${detail}`,
        fix: `Check ${credentialVariables(selection.provider)} in the environment, and that the key may use "${selection.modelId}".`,
      });
    }
    if (status === 404) {
      return new EngineError({
        code: "model-not-found",
        message: `${model} was not found (HTTP 404): ${detail}`,
        fix: `Check the model id "${selection.modelId}" (and the base URL for a local server), e.g. with --model.`,
      });
    }
    return new EngineError({
      code: "model-request-failed",
      message: `The request to ${model} failed${status !== undefined ? ` (HTTP ${status})` : ""}: ${detail}`,
      fix: "Read the provider's message above; a prompt too long for the model needs a smaller input or a model with a larger window.",
    });
  }
  // A provider's error object sent inside the stream (`{ message, type, code }`) is not an Error.
  const message = errorText(error);
  const overflow = parseContextOverflow(
    typeof error === "object" && error !== null && !(error instanceof Error) ? JSON.stringify(error) : message,
  );
  if (overflow !== undefined) {
    return new ContextOverflowError({ ...overflow, message: redactSecrets(overflow.message, secrets) }, model);
  }
  return new EngineError({
    code: "model-error",
    message: `The call to ${model} failed: ${redactSecrets(message, secrets)}`,
    fix: "Run again; if it keeps failing, run with SPECWRIGHT_DEBUG=1 and report it with the model you use.",
  });
}

function credentialVariables(provider: string): string {
  if (!isModelProvider(provider)) return "the API key";
  if (provider === "amazon-bedrock") return "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION";
  return API_KEY_VARIABLES[provider];
}

function findEngineError(error: unknown): EngineError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    if (current instanceof EngineError) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}
