import type { Environment } from "./resolve-model-selection.js";

const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL/i;
/** Shapes of well-known API keys, for keys that are not in this process's environment. */
const KEY_SHAPES = [/\bsk-[A-Za-z0-9_-]{16,}/g, /\bAIza[A-Za-z0-9_-]{20,}/g, /\bAKIA[A-Z0-9]{12,}/g];
const MIN_SECRET_LENGTH = 8;

/** Values of environment variables whose names say they hold a secret. */
export function secretValuesOf(env: Environment): string[] {
  return Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && value !== undefined && value.length >= MIN_SECRET_LENGTH)
    .map(([, value]) => value ?? "");
}

/** Replaces every secret (and anything shaped like an API key) with `***`, for text that is shown or stored. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) redacted = redacted.split(secret).join("***");
  }
  for (const shape of KEY_SHAPES) redacted = redacted.replace(shape, "***");
  return redacted;
}
