import { matchesWildcard } from "./wildcard-pattern.js";

/**
 * Names of environment variables that hold credentials, matched without regard to case. A command the
 * agent runs (or the project's tests) never needs the user's API keys; a prompt-injected one would love them.
 */
export const SECRET_ENVIRONMENT_PATTERNS: readonly string[] = [
  "*_KEY",
  "*_KEYS",
  "*_KEY_ID",
  "*API_KEY*",
  "*_TOKEN",
  "*_TOKENS",
  "*TOKEN_*",
  "*SECRET*",
  "*PASSWORD*",
  "*PASSWD*",
  "*_PASS",
  "*CREDENTIAL*",
  "*PRIVATE_KEY*",
  "*_PAT",
  "*_AUTH",
  "*SESSION_ID*",
  "AWS_*",
  "AZURE_*",
  "ANTHROPIC_*",
  "OPENAI_*",
  "GOOGLE_*",
  "GEMINI_*",
  "MISTRAL_*",
  "GROQ_*",
  "COHERE_*",
  "HF_TOKEN",
  "HUGGING_FACE_HUB_TOKEN",
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "GITLAB_TOKEN",
  "NPM_TOKEN",
  "NODE_AUTH_TOKEN",
  "SPECWRIGHT_API_KEY",
  "SSH_AUTH_SOCK",
  "GPG_AGENT_INFO",
  "DATABASE_URL",
  "*_DATABASE_URL",
  "*_DSN",
];

/** Whether a variable name looks like it holds a secret. */
export function isSecretEnvironmentName(name: string): boolean {
  return SECRET_ENVIRONMENT_PATTERNS.some((pattern) => matchesWildcard(name, pattern, "i"));
}

/**
 * `environment` without the variables that hold secrets, unless `passEnv` (settings `agent.passEnv`:
 * exact names or `*` wildcards, case-sensitive as the environment is) names them.
 */
export function scrubEnvironment(
  environment: Readonly<Record<string, string | undefined>>,
  passEnv: readonly string[] = [],
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(environment)) {
    if (value === undefined) continue;
    const passed = passEnv.some((pattern) => matchesWildcard(name, pattern));
    if (passed || !isSecretEnvironmentName(name)) kept[name] = value;
  }
  return kept;
}
