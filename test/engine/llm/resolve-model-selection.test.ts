import { describe, expect, it } from "vitest";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { checkModelCredentials } from "../../../src/engine/llm/check-model-credentials.js";
import { resolveModelSelection } from "../../../src/engine/llm/resolve-model-selection.js";

function failureOf(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error("expected an EngineError");
}

describe("resolveModelSelection", () => {
  it("takes --model over SPECWRIGHT_MODEL over the settings file", () => {
    const env = { SPECWRIGHT_MODEL: "openai:gpt-5" };
    const settings = { model: "google:gemini-2.5-pro" };
    expect(resolveModelSelection({ flag: "anthropic:claude-sonnet-4-5", env, settings })).toEqual({
      provider: "anthropic",
      modelId: "claude-sonnet-4-5",
      source: "--model",
    });
    expect(resolveModelSelection({ env, settings })).toMatchObject({ provider: "openai", source: "SPECWRIGHT_MODEL" });
    expect(resolveModelSelection({ env: {}, settings })).toMatchObject({
      provider: "google",
      modelId: "gemini-2.5-pro",
      source: ".kiro/settings/specwright.json",
    });
  });

  it("keeps everything after the first colon as the model id (Bedrock ids have colons)", () => {
    const selection = resolveModelSelection({ env: { SPECWRIGHT_MODEL: "amazon-bedrock:anthropic.claude-v2:1" } });
    expect(selection).toMatchObject({ provider: "amazon-bedrock", modelId: "anthropic.claude-v2:1" });
  });

  it("takes the base URL of an openai-compatible model from SPECWRIGHT_BASE_URL before the settings", () => {
    const env = { SPECWRIGHT_MODEL: "openai-compatible:qwen3-coder", SPECWRIGHT_BASE_URL: "http://127.0.0.1:8080/v1" };
    expect(resolveModelSelection({ env, settings: { baseUrl: "http://elsewhere/v1" } }).baseUrl).toBe(
      "http://127.0.0.1:8080/v1",
    );
    expect(
      resolveModelSelection({
        env: { SPECWRIGHT_MODEL: "openai-compatible:qwen3-coder" },
        settings: { baseUrl: "http://127.0.0.1:11434/v1" },
      }).baseUrl,
    ).toBe("http://127.0.0.1:11434/v1");
  });

  it("does not send a hosted model to a local server's base URL", () => {
    const selection = resolveModelSelection({
      env: { SPECWRIGHT_MODEL: "anthropic:claude-sonnet-4-5", SPECWRIGHT_BASE_URL: "http://127.0.0.1:11434/v1" },
    });
    expect(selection.baseUrl).toBeUndefined();
  });

  it("with nothing configured, names exactly what to set", () => {
    const error = failureOf(() => resolveModelSelection({ env: {} }));
    expect(error).toMatchObject({ code: "no-model", kind: "usage" });
    expect(error.fix).toContain("SPECWRIGHT_MODEL=anthropic:claude-sonnet-4-5");
    expect(error.fix).toContain(
      "SPECWRIGHT_MODEL=openai-compatible:qwen3-coder SPECWRIGHT_BASE_URL=http://127.0.0.1:11434/v1",
    );
  });

  it("treats blank values as not set", () => {
    expect(failureOf(() => resolveModelSelection({ flag: " ", env: { SPECWRIGHT_MODEL: "" } })).code).toBe("no-model");
  });

  it("refuses a value without a provider or a model id", () => {
    for (const value of ["claude-sonnet-4-5", "anthropic:", ":gpt-5"]) {
      const error = failureOf(() => resolveModelSelection({ flag: value, env: {} }));
      expect(error).toMatchObject({ code: "malformed-model", kind: "usage" });
      expect(error.fix).toContain("--model anthropic:claude-sonnet-4-5");
    }
  });

  it("refuses an unknown provider and lists the known ones", () => {
    const error = failureOf(() => resolveModelSelection({ env: { SPECWRIGHT_MODEL: "ollama:llama3" } }));
    expect(error).toMatchObject({ code: "unknown-provider", kind: "usage" });
    expect(error.candidates).toEqual(["anthropic", "openai", "amazon-bedrock", "google", "openai-compatible"]);
    expect(error.fix).toContain("SPECWRIGHT_MODEL=");
  });

  it("asks for the base URL of an openai-compatible model, and refuses one that is not http(s)", () => {
    const missing = failureOf(() => resolveModelSelection({ flag: "openai-compatible:qwen3-coder", env: {} }));
    expect(missing).toMatchObject({ code: "no-base-url", kind: "usage" });
    expect(missing.fix).toContain("SPECWRIGHT_BASE_URL=http://127.0.0.1:11434/v1");
    const malformed = failureOf(() =>
      resolveModelSelection({ flag: "openai-compatible:qwen3-coder", env: { SPECWRIGHT_BASE_URL: "localhost:11434" } }),
    );
    expect(malformed.code).toBe("malformed-base-url");
  });
});

describe("checkModelCredentials", () => {
  const select = (provider: string) => ({ provider, modelId: "some-model", source: "--model" });

  it.each([
    ["anthropic", "ANTHROPIC_API_KEY"],
    ["openai", "OPENAI_API_KEY"],
    ["google", "GOOGLE_GENERATIVE_AI_API_KEY"],
  ])("refuses %s without %s and names the variable", (provider, variable) => {
    const error = failureOf(() => checkModelCredentials(select(provider), {}));
    expect(error).toMatchObject({ code: "no-api-key", kind: "usage" });
    expect(error.message).toContain(variable);
    expect(error.fix).toContain(`Set ${variable}`);
    expect(() => checkModelCredentials(select(provider), { [variable]: "secret-value-123" })).not.toThrow();
  });

  it("needs AWS keys and a region for Bedrock, and says what AWS_PROFILE alone cannot do", () => {
    const bedrock = select("amazon-bedrock");
    expect(failureOf(() => checkModelCredentials(bedrock, {})).message).toContain("AWS_REGION");
    const profileOnly = failureOf(() =>
      checkModelCredentials(bedrock, { AWS_PROFILE: "dev", AWS_REGION: "us-east-1" }),
    );
    expect(profileOnly.fix).toContain("aws configure export-credentials");
    expect(() =>
      checkModelCredentials(bedrock, {
        AWS_ACCESS_KEY_ID: "AKIAEXAMPLE",
        AWS_SECRET_ACCESS_KEY: "secret",
        AWS_REGION: "us-east-1",
      }),
    ).not.toThrow();
  });

  it("needs no key for an openai-compatible endpoint (SPECWRIGHT_API_KEY is optional)", () => {
    expect(() => checkModelCredentials(select("openai-compatible"), {})).not.toThrow();
  });

  it("never puts a key's value in its message", () => {
    const error = failureOf(() =>
      checkModelCredentials(select("anthropic"), { OPENAI_API_KEY: "sk-this-is-the-openai-key-000" }),
    );
    expect(`${error.message} ${error.fix}`).not.toContain("sk-this-is-the-openai-key-000");
  });
});
