import { ApiError } from "./api-error";
import type { ApiErrorBody } from "./api-types";

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && "message" in error;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** GET or POST JSON; the cookie goes along by itself (same origin), and the server checks Origin on writes. */
export async function requestJson<T>(path: string, body?: unknown): Promise<T> {
  const init: RequestInit =
    body === undefined
      ? { credentials: "same-origin" }
      : {
          method: "POST",
          credentials: "same-origin",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        };
  const response = await fetch(path, init);
  const parsed = await readBody(response);
  if (!response.ok) {
    if (isErrorBody(parsed)) {
      const { code, message, fix } = parsed.error;
      throw new ApiError(response.status, code, message, fix ?? "");
    }
    throw new ApiError(response.status, "http-error", `The server answered ${response.status}.`, "Reload the page.");
  }
  return parsed as T;
}
