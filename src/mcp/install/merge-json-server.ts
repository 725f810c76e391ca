import { isDeepStrictEqual } from "node:util";
import { applyEdits, modify } from "jsonc-parser";
import { parseJsonText } from "../../model/json/parse-json.js";

export type MergeOutcome =
  | { readonly ok: true; readonly text: string; readonly changed: boolean; readonly replaced: boolean }
  | { readonly ok: false; readonly message: string; readonly fix: string };

/**
 * Adds (or updates) one server under `key` in a JSON (or JSONC) config text, changing only the bytes of that
 * entry: every other server, key, comment and the file's indentation stay as they were. Idempotent.
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
  const value = parsed.value;
  if (!isRecord(value)) {
    return { ok: false, message: "The file's top level is not a JSON object.", fix: "Make it an object, e.g. {}." };
  }
  const servers = value[key];
  if (servers !== undefined && !isRecord(servers)) {
    return {
      ok: false,
      message: `"${key}" in the file is not an object of servers.`,
      fix: `Make "${key}" an object ({ "<name>": { … } }), then run the command again.`,
    };
  }
  const existing = servers?.[name];
  if (isDeepStrictEqual(existing, entry)) return { ok: true, text, changed: false, replaced: false };
  const edits = modify(start, [key, name], entry, { formattingOptions: detectIndentation(start) });
  const merged = applyEdits(start, edits);
  return {
    ok: true,
    text: merged.endsWith("\n") ? merged : `${merged}\n`,
    changed: true,
    replaced: existing !== undefined,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The indentation the file already uses (default two spaces), so the new entry looks like the rest. */
function detectIndentation(text: string): { insertSpaces: boolean; tabSize: number; eol: string } {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indented = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indented?.startsWith("\t")) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indented === undefined ? 2 : indented.length, eol };
}
