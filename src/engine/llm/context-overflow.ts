import { errorText } from "./error-text.js";

/** What a server said when a prompt did not fit its window; the numbers where it named them. */
export interface ContextOverflow {
  /** The window, e.g. llama.cpp's `n_ctx` or OpenAI's "maximum context length is 8192 tokens". */
  readonly contextTokens?: number;
  /** The prompt's size as the server counted it. */
  readonly promptTokens?: number;
  readonly message: string;
}

const OVERFLOW_PATTERNS = [
  /context[_ ]length[_ ]exceeded/i,
  /exceeds? the (available )?context size/i,
  /maximum context length/i,
  /exceed_context_size/i,
  /context window/i,
  /too many tokens/i,
  /prompt is too long/i,
  /n_ctx/i,
];

/**
 * Reads a 400 body (OpenAI's `context_length_exceeded`, llama.cpp's `exceed_context_size_error` with
 * `n_ctx` and `n_prompt_tokens`, vLLM's and Anthropic's wording) as a context overflow; undefined otherwise.
 */
export function parseContextOverflow(body: string): ContextOverflow | undefined {
  const parsed = parseJson(body);
  const error = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : isRecord(parsed) ? parsed : {};
  const message = parsed === undefined ? body.trim() : errorText(parsed);
  const code = [error.code, error.type].filter((value) => typeof value === "string").join(" ");
  if (!OVERFLOW_PATTERNS.some((pattern) => pattern.test(`${code} ${message}`))) return undefined;
  const contextTokens =
    numberOf(error.n_ctx) ??
    numberIn(message, /maximum context length is (\d+)/i) ??
    numberIn(message, /n_ctx[^\d]{0,12}(\d+)/i) ??
    numberIn(message, /context (?:size|window|length) (?:of |is )?(\d+)/i);
  const promptTokens =
    numberOf(error.n_prompt_tokens) ??
    numberIn(message, /resulted in (\d+) tokens/i) ??
    numberIn(message, /requested (\d+) tokens/i) ??
    numberIn(message, /prompt (?:is |has )?(\d+) tokens/i);
  return {
    message,
    ...(contextTokens !== undefined ? { contextTokens } : {}),
    ...(promptTokens !== undefined ? { promptTokens } : {}),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function numberOf(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;
}

function numberIn(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text.replaceAll(",", ""));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
