import type { z } from "zod";

export type JsonReplyResult<Value> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly problem: string };

/**
 * Reads a model's JSON answer: code fences and text around the object are tolerated (models add them even
 * in JSON mode), then the value is validated. The problem, on failure, is worded for the model to repair.
 */
export function parseJsonReply<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
): JsonReplyResult<z.output<Schema>> {
  const candidate = extractJsonText(text);
  if (candidate === undefined) return { ok: false, problem: "The answer contains no JSON object." };
  let value: unknown;
  try {
    value = JSON.parse(candidate);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `The answer is not valid JSON: ${reason}` };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 10)
    .map((issue) => `- ${issue.path.length > 0 ? issue.path.join(".") : "(the object)"}: ${issue.message}`)
    .join("\n");
  return { ok: false, problem: `The JSON does not have the required shape:\n${issues}` };
}

/** The JSON inside ```json fences if any, else from the first "{" or "[" to the last matching bracket. */
export function extractJsonText(text: string): string | undefined {
  const fenced = /```(?:json|JSON)?[ \t]*\r?\n([\s\S]*?)\r?\n?```/.exec(text);
  const body = (fenced?.[1] ?? text).trim();
  const objectStart = body.indexOf("{");
  const arrayStart = body.indexOf("[");
  const starts = [objectStart, arrayStart].filter((index) => index >= 0);
  if (starts.length === 0) return undefined;
  const start = Math.min(...starts);
  const end = body.lastIndexOf(body.charAt(start) === "{" ? "}" : "]");
  if (end < start) return body.slice(start);
  return body.slice(start, end + 1);
}
