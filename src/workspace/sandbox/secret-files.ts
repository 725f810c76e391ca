import { pathGlobMatcher } from "./path-glob.js";

/**
 * Files that usually hold credentials. A pattern without a slash matches a file name in any folder
 * (as in .gitignore); `**` patterns match whole folders such as `.ssh/`.
 */
export const SECRET_FILE_PATTERNS: readonly string[] = [
  ".env",
  ".env.*",
  "*.env",
  "*.pem",
  "*.key",
  "*.p12",
  "*.pfx",
  "*.jks",
  "*.keystore",
  "*.kdbx",
  "*.ppk",
  "id_rsa*",
  "id_dsa*",
  "id_ecdsa*",
  "id_ed25519*",
  ".npmrc",
  ".yarnrc.yml",
  ".pypirc",
  ".netrc",
  "_netrc",
  ".pgpass",
  ".git-credentials",
  ".htpasswd",
  "credentials",
  "credentials.json",
  "*.credentials",
  "secrets.json",
  "secrets.yml",
  "secrets.yaml",
  ".secrets",
  "*.tfvars",
  // A remote URL may carry a token (https://user:token@host/…).
  ".git/config",
  "**/.git/config",
  "**/.ssh/**",
  "**/.aws/**",
  "**/.gnupg/**",
  "**/.docker/config.json",
  "**/.kube/config",
];

/**
 * Secret-looking names that are conventionally committed without secrets: templates of `.env` and
 * public keys. Readable without any setting.
 */
export const NON_SECRET_FILE_PATTERNS: readonly string[] = [
  ".env.example",
  ".env.sample",
  ".env.template",
  ".env.dist",
  "*.pub",
];

const isSecretLooking = pathGlobMatcher(SECRET_FILE_PATTERNS);
const isKnownNonSecret = pathGlobMatcher(NON_SECRET_FILE_PATTERNS);

/**
 * Whether the agent must keep away from `relativePath` (`/`-separated, relative to the workspace root):
 * it looks like a secret, is not a known template, and no `allowSecretReads` glob (settings
 * `agent.allowSecretReads`, same syntax) lets it through.
 */
export function isSecretPath(relativePath: string, allowSecretReads: readonly string[] = []): boolean {
  if (relativePath === "" || !isSecretLooking(relativePath) || isKnownNonSecret(relativePath)) return false;
  if (allowSecretReads.length === 0) return true;
  return !pathGlobMatcher(allowSecretReads)(relativePath);
}
