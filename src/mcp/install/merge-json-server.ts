import { isDeepStrictEqual } from "node:util";
import { type JsonNode, parseJsonText } from "../../model/json/parse-json.js";

export type MergeOutcome =
  | { readonly ok: true; readonly text: string; readonly changed: boolean; readonly replaced: boolean }
  | { readonly ok: false; readonly message: string; readonly fix: string };

/**
 * Adds (or updates) one server under `key` in a JSON (or JSONC) config text by inserting or replacing only
 * the bytes of that entry: every other server, key, comment and the file's indentation stay exactly as they
 * were. Idempotent.
 */
export function mergeJsonServer(
  text: string,
  key: string,
  name: string,
  entry: Readonly<Record<string, unknown>>,
): MergeOutcome {
  const start = text.trim() === "" ? "{}\n" : text;
  const parsed = parseJsonText(start, { allowComments: true, allowTrailingComma: true });
  const syntaxError = parsed.diagnostics.find((diagnostic) => diagnostic.severity === "error");
  if (syntaxError) {
    return {
      ok: false,
      message: `The file is not valid JSON (line ${syntaxError.location.line}: ${syntaxError.message}).`,
      fix: "Fix the file by hand (or move it away), then run the command again.",
    };
  }
  const root = parsed.root;
  if (root?.type !== "object" || !isRecord(parsed.value)) {
    return { ok: false, message: "The file's top level is not a JSON object.", fix: "Make it an object, e.g. {}." };
  }
  const serversNode = propertyValue(root, key);
  if (serversNode !== undefined && serversNode.type !== "object") {
    return {
      ok: false,
      message: `"${key}" in the file is not an object of servers.`,
      fix: `Make "${key}" an object ({ "<name>": { … } }), then run the command again.`,
    };
  }
  const servers = parsed.value[key];
  const existing = isRecord(servers) ? servers[name] : undefined;
  if (isDeepStrictEqual(existing, entry)) return { ok: true, text, changed: false, replaced: false };
  const style = detectStyle(start);
  const entryNode = serversNode ? propertyValue(serversNode, name) : undefined;
  let merged: string;
  if (entryNode) merged = splice(start, entryNode.offset, entryNode.length, render(entry, 2, style));
  else if (serversNode) merged = insertProperty(start, serversNode, name, render(entry, 2, style), 2, style);
  else merged = insertProperty(start, root, key, render({ [name]: entry }, 1, style), 1, style);
  return {
    ok: true,
    text: merged.endsWith("\n") ? merged : `${merged}${style.eol}`,
    changed: true,
    replaced: existing !== undefined,
  };
}

interface JsonStyle {
  readonly indent: string;
  readonly eol: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function propertyValue(object: JsonNode, name: string): JsonNode | undefined {
  const property = object.children?.find((child) => child.children?.[0]?.value === name);
  return property?.children?.[1];
}

function splice(text: string, offset: number, length: number, insert: string): string {
  return `${text.slice(0, offset)}${insert}${text.slice(offset + length)}`;
}

/** `value` as JSON in the file's style, its lines after the first indented to `depth`. */
function render(value: unknown, depth: number, style: JsonStyle): string {
  return JSON.stringify(value, null, style.indent)
    .split("\n")
    .join(`${style.eol}${style.indent.repeat(depth)}`);
}

/** Adds `"name": value` as the last property of `object`, on its own line at `depth`. */
function insertProperty(
  text: string,
  object: JsonNode,
  name: string,
  value: string,
  depth: number,
  style: JsonStyle,
): string {
  const property = `${style.indent.repeat(depth)}${JSON.stringify(name)}: ${value}`;
  const last = object.children?.at(-1);
  if (!last) {
    const closing = `${style.eol}${style.indent.repeat(depth - 1)}}`;
    return splice(text, object.offset, object.length, `{${style.eol}${property}${closing}`);
  }
  let end = last.offset + last.length;
  // JSONC allows a trailing comma after the last property; reuse it rather than write a second one.
  const trailing = /^\s*,/.exec(text.slice(end));
  if (trailing) end += trailing[0].length;
  return splice(text, end, 0, `${trailing ? "" : ","}${style.eol}${property}`);
}

/** The indentation and line ends the file already uses (default two spaces, `\n`). */
function detectStyle(text: string): JsonStyle {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indented = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indented?.startsWith("\t")) return { indent: "\t", eol };
  return { indent: indented === undefined ? "  " : indented, eol };
}
