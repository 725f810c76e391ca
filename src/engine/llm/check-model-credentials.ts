import { EngineError } from "../errors/engine-error.js";
import { API_KEY_VARIABLES, isModelProvider } from "./model-providers.js";
import type { ModelSelection } from "./model-session.js";
import type { Environment } from "./resolve-model-selection.js";

/**
 * Refuses before any request when the provider's credentials are missing from the environment, naming
 * the variable to set. Only names are mentioned, never values.
 */
export function checkModelCredentials(selection: ModelSelection, env: Environment): void {
  const provider = selection.provider;
  if (!isModelProvider(provider) || provider === "openai-compatible") return;
  if (provider === "amazon-bedrock") {
    checkBedrockCredentials(env);
    return;
  }
  const variable = API_KEY_VARIABLES[provider];
  if (isSet(env[variable])) return;
  throw new EngineError({
    code: "no-api-key",
    kind: "usage",
    message: `The ${provider} model "${selection.modelId}" needs an API key, and ${variable} is not set.`,
    fix: `Set ${variable} in the environment (Specwright never reads keys from files), or choose another model with --model.`,
  });
}

function checkBedrockCredentials(env: Environment): void {
  const hasKeys = isSet(env.AWS_ACCESS_KEY_ID) && isSet(env.AWS_SECRET_ACCESS_KEY);
  const hasBearer = isSet(env.AWS_BEARER_TOKEN_BEDROCK);
  const hasRegion = isSet(env.AWS_REGION);
  if ((hasKeys || hasBearer) && hasRegion) return;
  // The Bedrock provider signs with keys from the environment; reading a named profile would need the AWS SDK.
  const profileHint = isSet(env.AWS_PROFILE)
    ? ' AWS_PROFILE alone is not read: export its keys with `eval "$(aws configure export-credentials --format env)"`.'
    : "";
  const missing = [
    ...(hasKeys || hasBearer ? [] : ["AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_BEARER_TOKEN_BEDROCK)"]),
    ...(hasRegion ? [] : ["AWS_REGION"]),
  ];
  throw new EngineError({
    code: "no-api-key",
    kind: "usage",
    message: `Amazon Bedrock needs AWS credentials and a region; not set: ${missing.join("; ")}.`,
    fix: `Set AWS_REGION and AWS_ACCESS_KEY_ID with AWS_SECRET_ACCESS_KEY (or AWS_BEARER_TOKEN_BEDROCK) in the environment.${profileHint}`,
  });
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== "";
}
