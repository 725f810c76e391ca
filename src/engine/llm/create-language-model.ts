import type { LanguageModelV3 } from "@ai-sdk/provider";
import { EngineError } from "../errors/engine-error.js";
import { API_KEY_VARIABLES, isModelProvider, MODEL_PROVIDERS } from "./model-providers.js";
import type { ModelSelection } from "./model-session.js";
import type { Environment } from "./resolve-model-selection.js";
import type { FetchFunction } from "./retrying-fetch.js";

export interface CreateLanguageModelOptions {
  readonly env: Environment;
  /** Every request of the model goes through this fetch (the retrying one). */
  readonly fetch: FetchFunction;
}

/**
 * The AI SDK model for a selection. Provider packages are imported only here, on demand, so commands
 * that never call a model (`--help`, `check`) do not load them. Keys are read from `env`, never a file.
 */
export async function createLanguageModel(
  selection: ModelSelection,
  options: CreateLanguageModelOptions,
): Promise<LanguageModelV3> {
  const { env, fetch } = options;
  const provider = selection.provider;
  if (!isModelProvider(provider)) {
    throw new EngineError({
      code: "unknown-provider",
      kind: "usage",
      message: `Unknown model provider "${provider}".`,
      fix: `Use one of ${MODEL_PROVIDERS.join(", ")}.`,
      candidates: MODEL_PROVIDERS,
    });
  }
  switch (provider) {
    case "anthropic": {
      const { createAnthropic } = await import("@ai-sdk/anthropic");
      return createAnthropic({ apiKey: env[API_KEY_VARIABLES.anthropic], fetch })(selection.modelId);
    }
    case "openai": {
      const { createOpenAI } = await import("@ai-sdk/openai");
      return createOpenAI({ apiKey: env[API_KEY_VARIABLES.openai], fetch })(selection.modelId);
    }
    case "google": {
      const { createGoogleGenerativeAI } = await import("@ai-sdk/google");
      return createGoogleGenerativeAI({ apiKey: env[API_KEY_VARIABLES.google], fetch })(selection.modelId);
    }
    case "amazon-bedrock": {
      const { createAmazonBedrock } = await import("@ai-sdk/amazon-bedrock");
      return createAmazonBedrock({
        ...definedOnly({
          region: env.AWS_REGION,
          accessKeyId: env.AWS_ACCESS_KEY_ID,
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
          sessionToken: env.AWS_SESSION_TOKEN,
          apiKey: env.AWS_BEARER_TOKEN_BEDROCK,
        }),
        fetch,
      })(selection.modelId);
    }
    case "openai-compatible": {
      const { createOpenAICompatible } = await import("@ai-sdk/openai-compatible");
      const apiKey = env[API_KEY_VARIABLES["openai-compatible"]];
      return createOpenAICompatible({
        name: "openai-compatible",
        baseURL: selection.baseUrl ?? "",
        ...(apiKey !== undefined && apiKey !== "" ? { apiKey } : {}),
        includeUsage: true,
        fetch,
      })(selection.modelId);
    }
  }
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== "") defined[name] = value;
  return defined;
}
