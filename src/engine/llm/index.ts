export { checkModelCredentials } from "./check-model-credentials.js";
export { type CreateLanguageModelOptions, createLanguageModel } from "./create-language-model.js";
export {
  type CreateModelSessionOptions,
  createModelSession,
  type ModelLimits,
  type RecordingModelSession,
} from "./create-model-session.js";
export { generateJsonObject } from "./generate-json-object.js";
export { loadModelSettings } from "./load-model-settings.js";
export { BUILT_IN_PRICES, estimateCostUsd, findModelPrice, type ModelPrice } from "./model-prices.js";
export { API_KEY_VARIABLES, isModelProvider, MODEL_PROVIDERS, type ModelProvider } from "./model-providers.js";
export type {
  ModelCall,
  ModelEvent,
  ModelResult,
  ModelSelection,
  ModelSession,
  TokenUsage,
  UsageTotals,
} from "./model-session.js";
export { openWorkspaceModelSession, type WorkspaceModelSessionOptions } from "./open-workspace-model-session.js";
export { extractJsonText, type JsonReplyResult, parseJsonReply } from "./parse-json-reply.js";
export { redactSecrets, secretValuesOf } from "./redact-secrets.js";
export {
  type Environment,
  type ResolveModelSelectionOptions,
  resolveModelSelection,
} from "./resolve-model-selection.js";
export { backoffDelayMs, isRetryableStatus, retryAfterMs } from "./retry-policy.js";
export {
  createRetryingFetch,
  type FetchFunction,
  type RetryingFetchOptions,
  type RetryNotice,
} from "./retrying-fetch.js";
export { findStreamInterruption, ModelStreamInterruptedError } from "./stream-interrupted-error.js";
