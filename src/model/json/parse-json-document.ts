import type { z } from "zod";
import type { Diagnostic } from "../source/diagnostic.js";
import { type JsonParseOptions, type JsonText, parseJsonText } from "./parse-json.js";
import { type ZodDiagnosticOptions, zodIssuesToDiagnostics } from "./zod-diagnostics.js";

/** A JSON file read against its zod schema. */
export interface JsonDocument<Data> extends JsonText {
  /** The value as the schema accepts it; `undefined` when the text has syntax errors or the shape is wrong. */
  readonly data: Data | undefined;
}

/**
 * Parses `text` and checks it against `schema`. The shape is only checked on syntactically valid JSON, so
 * one missing comma does not also produce a cascade of "missing property" problems.
 */
export function parseJsonDocument<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
  options: ZodDiagnosticOptions & JsonParseOptions,
): JsonDocument<z.output<Schema>> {
  const json = parseJsonText(text, options);
  if (json.diagnostics.length > 0) return jsonDocument<z.output<Schema>>(json, json.diagnostics, undefined);
  const result = schema.safeParse(json.value);
  if (result.success) return jsonDocument(json, json.diagnostics, result.data);
  return jsonDocument<z.output<Schema>>(json, zodIssuesToDiagnostics(result.error.issues, json, options), undefined);
}

/**
 * A parser's document over a JSON document: its own fields added, its diagnostics replaced when given. Added
 * with `Object.assign`, not a spread, which would call the `root` getter and build the tree of plain JSON.
 */
export function extendJsonDocument<Data, const Extra extends object>(
  document: JsonDocument<Data>,
  extra: Extra,
  diagnostics: readonly Diagnostic[] = document.diagnostics,
): JsonDocument<Data> & Extra {
  return Object.assign(jsonDocument(document, diagnostics, document.data), extra);
}

/** The document as one object literal: its getter keeps the tree of plain JSON unbuilt until used. */
export function jsonDocument<Data>(
  json: JsonText,
  diagnostics: readonly Diagnostic[],
  data: Data | undefined,
): JsonDocument<Data> {
  return {
    source: json.source,
    value: json.value,
    get root() {
      return json.root;
    },
    diagnostics,
    data,
  };
}
