import type { Context } from "hono";
import type { z } from "zod";
import { EngineError } from "../../engine/errors/engine-error.js";
import { MAX_BODY_BYTES } from "./request-guard.js";

/** The request's JSON body checked against its schema; a body that is not JSON or does not fit is a 400. */
export async function readBody<Schema extends z.ZodType>(c: Context, schema: Schema): Promise<z.output<Schema>> {
  const text = await readText(c.req.raw);
  let body: unknown;
  try {
    body = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new EngineError({
      code: "invalid-json",
      kind: "usage",
      message: "The request body is not valid JSON.",
      fix: "Send a JSON object (see docs/ui-api.md for each endpoint's fields).",
    });
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
  throw new EngineError({
    code: "invalid-request",
    kind: "usage",
    message: `The request body does not fit: ${issues.join("; ")}.`,
    fix: "See docs/ui-api.md for the endpoint's fields.",
  });
}

/**
 * The body as UTF-8 text, read chunk by chunk so a chunked body without a Content-Length (which the guard
 * checks) is refused as soon as it passes the limit, not once it is all in memory.
 */
async function readText(request: Request): Promise<string> {
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new EngineError({
        code: "body-too-large",
        kind: "usage",
        message: `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
        fix: "Send only the fields of the endpoint (see docs/ui-api.md); no body of the API is larger than a few KB.",
      });
    }
    chunks.push(chunk.value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new EngineError({
      code: "invalid-utf8",
      kind: "usage",
      message: "The request body is not valid UTF-8.",
      fix: "Send the JSON body encoded as UTF-8.",
    });
  }
}
