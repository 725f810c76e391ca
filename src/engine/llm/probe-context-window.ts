import type { FetchFunction } from "./retrying-fetch.js";

/** A server that does not answer `/props` at once is not waited for: the window stays unknown. */
const PROBE_TIMEOUT_MS = 2_000;

/** The window in llama.cpp's `/props` answer (`default_generation_settings.n_ctx`, or `n_ctx` at the top). */
export function contextTokensFromProps(props: unknown): number | undefined {
  if (typeof props !== "object" || props === null) return undefined;
  const record = props as Record<string, unknown>;
  const settings = record.default_generation_settings;
  const nested =
    typeof settings === "object" && settings !== null ? (settings as Record<string, unknown>).n_ctx : undefined;
  const value = nested ?? record.n_ctx;
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * Asks an OpenAI-compatible server for its window the way llama.cpp's server tells it: `GET /props` beside
 * `/v1`. Other servers answer 404 (Ollama, vLLM, LM Studio) or nothing; then the window is unknown and a
 * refused prompt (a 400 naming the window) teaches it instead. Never throws.
 */
export async function probeContextWindow(baseUrl: string, fetch: FetchFunction): Promise<number | undefined> {
  try {
    const url = new URL(`${baseUrl.replace(/\/+$/, "").replace(/\/v1$/, "")}/props`);
    const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (!response.ok) {
      await response.body?.cancel();
      return undefined;
    }
    return contextTokensFromProps(await response.json());
  } catch {
    return undefined;
  }
}
