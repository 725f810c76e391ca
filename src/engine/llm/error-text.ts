/**
 * The text of anything a model call can throw or stream: an Error, an AI SDK error (its message, else its
 * response body), a provider's error object sent inside a stream (`{ error: { message } }`,
 * `{ message }`, `{ detail }`), a string. Never `[object Object]`: an object with no message is shown as JSON.
 */
export function errorText(error: unknown): string {
  return textOf(error, 0) ?? "unknown error";
}

const MAX_DEPTH = 6;

function textOf(value: unknown, depth: number): string | undefined {
  if (depth > MAX_DEPTH || value === undefined || value === null) return undefined;
  if (typeof value === "string") return nonEmpty(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Error) {
    const own = nonEmpty(value.message);
    const body = responseBodyText(value, depth);
    if (own !== undefined && !isGeneric(own)) return own;
    return body ?? own ?? textOf(value.cause, depth + 1) ?? value.name;
  }
  if (typeof value !== "object") return undefined;
  const record = value as Record<string, unknown>;
  for (const key of ["error", "message", "detail", "error_description", "msg"]) {
    const found = textOf(record[key], depth + 1);
    if (found !== undefined) return found;
  }
  return jsonOf(value);
}

/** APICallError keeps what the server said in `responseBody`; prefer its message over a generic one. */
function responseBodyText(error: Error, depth: number): string | undefined {
  const body = (error as { responseBody?: unknown }).responseBody;
  if (typeof body !== "string" || body.trim() === "") return undefined;
  try {
    return textOf(JSON.parse(body), depth + 1) ?? nonEmpty(body);
  } catch {
    return nonEmpty(body);
  }
}

function isGeneric(message: string): boolean {
  return message === "[object Object]" || /^(bad request|internal server error|error)$/i.test(message);
}

function nonEmpty(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === "" || trimmed === "[object Object]" ? undefined : trimmed;
}

function jsonOf(value: unknown): string | undefined {
  try {
    const json = JSON.stringify(value);
    return json === undefined || json === "{}" ? undefined : json;
  } catch {
    return undefined;
  }
}
