import type { Context } from "hono";
import type { z } from "zod";
import { EngineError } from "../../engine/errors/engine-error.js";

/** The request's JSON body checked against its schema; a body that is not JSON or does not fit is a 400. */
export async function readBody<Schema extends z.ZodType>(c: Context, schema: Schema): Promise<z.output<Schema>> {
  let body: unknown;
  try {
    const text = await c.req.text();
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
