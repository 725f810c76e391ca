/** The providers Specwright can call, and what each needs from the environment. */
export const MODEL_PROVIDERS = ["anthropic", "openai", "amazon-bedrock", "google", "openai-compatible"] as const;
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

export function isModelProvider(value: string): value is ModelProvider {
  return MODEL_PROVIDERS.some((provider) => provider === value);
}

/** A model id per provider, for messages that show what to set. */
export const EXAMPLE_MODEL_IDS: Readonly<Record<ModelProvider, string>> = {
  anthropic: "claude-sonnet-4-5",
  openai: "gpt-5",
  "amazon-bedrock": "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
  google: "gemini-2.5-pro",
  "openai-compatible": "qwen3-coder",
};

export const EXAMPLE_BASE_URL = "http://127.0.0.1:11434/v1";

/** The environment variable holding the API key of each provider that takes one. */
export const API_KEY_VARIABLES: Readonly<Record<Exclude<ModelProvider, "amazon-bedrock">, string>> = {
  anthropic: "ANTHROPIC_API_KEY",
  openai: "OPENAI_API_KEY",
  google: "GOOGLE_GENERATIVE_AI_API_KEY",
  "openai-compatible": "SPECWRIGHT_API_KEY",
};
