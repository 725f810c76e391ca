import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import { EngineError } from "../errors/engine-error.js";
import { EXAMPLE_BASE_URL, EXAMPLE_MODEL_IDS, isModelProvider, MODEL_PROVIDERS } from "./model-providers.js";
import type { ModelSelection } from "./model-session.js";

/** The environment as a plain record, so tests pass their own instead of `process.env`. */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface ResolveModelSelectionOptions {
  /** The value of `--model`. */
  readonly flag?: string;
  readonly env: Environment;
  readonly settings?: SpecwrightSettings;
}

const SET_MODEL_FIX =
  `Set SPECWRIGHT_MODEL=anthropic:${EXAMPLE_MODEL_IDS.anthropic} (or pass --model), or for a local server ` +
  `SPECWRIGHT_MODEL=openai-compatible:${EXAMPLE_MODEL_IDS["openai-compatible"]} SPECWRIGHT_BASE_URL=${EXAMPLE_BASE_URL}; ` +
  'the settings file takes "model" too.';

/** `--model`, else `SPECWRIGHT_MODEL`, else settings `model`; the base URL from `SPECWRIGHT_BASE_URL`, else settings. */
export function resolveModelSelection(options: ResolveModelSelectionOptions): ModelSelection {
  const choice = firstChoice(options);
  if (choice === undefined) {
    throw new EngineError({
      code: "no-model",
      kind: "usage",
      message: "No model is configured.",
      fix: SET_MODEL_FIX,
    });
  }
  const separator = choice.value.indexOf(":");
  const provider = separator > 0 ? choice.value.slice(0, separator).trim() : "";
  const modelId = separator > 0 ? choice.value.slice(separator + 1).trim() : "";
  if (provider === "" || modelId === "") {
    throw new EngineError({
      code: "malformed-model",
      kind: "usage",
      message: `The model "${choice.value}" from ${choice.source} is not "provider:model-id".`,
      fix: `Write it as provider:model-id, e.g. ${choiceExample(choice.source, `anthropic:${EXAMPLE_MODEL_IDS.anthropic}`)}.`,
    });
  }
  if (!isModelProvider(provider)) {
    throw new EngineError({
      code: "unknown-provider",
      kind: "usage",
      message: `Unknown model provider "${provider}" in ${choice.source}.`,
      fix: `Use one of ${MODEL_PROVIDERS.join(", ")}, e.g. ${choiceExample(choice.source, `${MODEL_PROVIDERS[0]}:${EXAMPLE_MODEL_IDS.anthropic}`)}.`,
      candidates: MODEL_PROVIDERS,
    });
  }
  // Only an OpenAI-compatible endpoint takes a base URL: a local server's URL must not redirect a hosted model.
  if (provider !== "openai-compatible") return { provider, modelId, source: choice.source };
  const baseUrl = nonEmpty(options.env.SPECWRIGHT_BASE_URL) ?? nonEmpty(options.settings?.baseUrl);
  if (baseUrl === undefined) {
    throw new EngineError({
      code: "no-base-url",
      kind: "usage",
      message: "An openai-compatible model needs the base URL of its endpoint.",
      fix: `Set SPECWRIGHT_BASE_URL=${EXAMPLE_BASE_URL} (your server's /v1 URL), or "baseUrl" in .kiro/settings/specwright.json.`,
    });
  }
  if (!isHttpUrl(baseUrl)) {
    throw new EngineError({
      code: "malformed-base-url",
      kind: "usage",
      message: `The base URL "${baseUrl}" is not an http(s) URL.`,
      fix: `Set SPECWRIGHT_BASE_URL to a URL such as ${EXAMPLE_BASE_URL}.`,
    });
  }
  return { provider, modelId, baseUrl, source: choice.source };
}

function firstChoice(options: ResolveModelSelectionOptions): { value: string; source: string } | undefined {
  const flag = nonEmpty(options.flag);
  if (flag !== undefined) return { value: flag, source: "--model" };
  const variable = nonEmpty(options.env.SPECWRIGHT_MODEL);
  if (variable !== undefined) return { value: variable, source: "SPECWRIGHT_MODEL" };
  const setting = nonEmpty(options.settings?.model);
  if (setting !== undefined) return { value: setting, source: ".kiro/settings/specwright.json" };
  return undefined;
}

function choiceExample(source: string, value: string): string {
  if (source === "--model") return `--model ${value}`;
  if (source === "SPECWRIGHT_MODEL") return `SPECWRIGHT_MODEL=${value}`;
  return `"model": "${value}"`;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
