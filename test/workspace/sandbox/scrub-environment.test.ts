import { describe, expect, it } from "vitest";
import { isSecretEnvironmentName, scrubEnvironment } from "../../../src/workspace/sandbox/scrub-environment.js";

describe("scrubEnvironment", () => {
  it.each([
    "OPENAI_API_KEY",
    "ANTHROPIC_API_KEY",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_PROFILE",
    "GITHUB_TOKEN",
    "github_token",
    "MY_SERVICE_TOKEN",
    "DB_PASSWORD",
    "CLIENT_SECRET_VALUE",
    "STRIPE_KEY",
    "GOOGLE_APPLICATION_CREDENTIALS",
    "SSH_AUTH_SOCK",
    "DATABASE_URL",
  ])("%s is a secret", (name) => {
    expect(isSecretEnvironmentName(name)).toBe(true);
  });

  it.each(["PATH", "HOME", "LANG", "TERM", "NODE_ENV", "CI", "KEYBOARD_LAYOUT", "TOKENIZERS_PARALLELISM", "USER"])(
    "%s is not a secret",
    (name) => {
      expect(isSecretEnvironmentName(name)).toBe(false);
    },
  );

  it("drops secrets, keeps the rest, and keeps what passEnv names (exact or wildcard)", () => {
    const scrubbed = scrubEnvironment(
      {
        PATH: "/bin",
        OPENAI_API_KEY: "a",
        NPM_TOKEN: "b",
        AWS_REGION: "c",
        AWS_SECRET_ACCESS_KEY: "d",
        EMPTY: undefined,
      },
      ["NPM_TOKEN", "AWS_REG*"],
    );
    expect(scrubbed).toEqual({ PATH: "/bin", NPM_TOKEN: "b", AWS_REGION: "c" });
  });
});
