import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import type { Diagnostic } from "../source/diagnostic.js";
import { createOffsetLocator, type SourceText, splitSourceText } from "../source/source-text.js";
import { firstTooDeepOffset, MAX_JSON_DEPTH } from "./json-nesting-depth.js";
import { describeJsonSyntaxError } from "./json-syntax-messages.js";

export type { JsonNode };

export interface JsonParseOptions {
  /** Accept `//` and `/* *\/` comments without a diagnostic. Kiro reads its JSON files strictly, so off by default. */
  readonly allowComments?: boolean;
  /** Accept a comma before `}` or `]` without a diagnostic. Off by default for the same reason. */
  readonly allowTrailingComma?: boolean;
}

/** A JSON text parsed without throwing: the value as far as it could be read, its syntax tree and its syntax errors. */
export interface JsonText {
  readonly source: SourceText;
  /** The value read; with syntax errors, what the tolerant parser recovered (possibly `undefined`). */
  readonly value: unknown;
  /** The syntax tree, with offsets into the original text (BOM included); `undefined` for an empty text. */
  readonly root: JsonNode | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

const BOM = "\uFEFF";

export function parseJsonText(text: string, options: JsonParseOptions = {}): JsonText {
  const source = splitSourceText(text);
  const locate = createOffsetLocator(source);
  // A BOM becomes a space of the same length, so the parser's offsets still index the original text.
  const parseable = text.startsWith(BOM) ? ` ${text.slice(1)}` : text;
  const tooDeep = firstTooDeepOffset(parseable);
  if (tooDeep !== undefined) {
    // Refused before parsing: the parser, the value and the schema checks all recurse per level.
    const diagnostic: Diagnostic = {
      // Reported as a syntax problem: every rule that shows why a JSON file cannot be read shows this one too.
      code: "json-syntax",
      severity: "error",
      message: `The JSON nests deeper than ${MAX_JSON_DEPTH} levels here; it is not read.`,
      fix: `Flatten the structure: no Kiro or Specwright file nests more than a few levels, and ${MAX_JSON_DEPTH} is the limit.`,
      location: locate(tooDeep, tooDeep + 1),
    };
    return { source, value: undefined, root: undefined, diagnostics: [diagnostic] };
  }
  const treeOptions = {
    allowTrailingComma: options.allowTrailingComma ?? false,
    disallowComments: !(options.allowComments ?? false),
    allowEmptyContent: false,
  };
  const value = plainJsonValue(parseable);
  if (value !== NOT_PLAIN_JSON) {
    // Valid for JSON.parse, so valid for the stricter tree parser too: no diagnostics, the same value. The tree
    // only places diagnostics of later checks and edits, and a thousand `.config.kiro` files rarely need one,
    // so it is built on first use (scanning in the tree parser cost more than everything else about them).
    let tree: JsonNode | undefined;
    let built = false;
    return {
      source,
      value,
      get root() {
        if (!built) {
          tree = parseTree(parseable, [], treeOptions);
          built = true;
        }
        return tree;
      },
      diagnostics: [],
    };
  }
  const errors: ParseError[] = [];
  const root = parseTree(parseable, errors, treeOptions);
  // The tolerant parser reports follow-on errors at the same spot (a trailing comma gives "property name
  // expected" and "value expected"): the first one says it.
  const seenOffsets = new Set<number>();
  const firstAtOffset = errors.filter((error) => {
    if (seenOffsets.has(error.offset)) return false;
    seenOffsets.add(error.offset);
    return true;
  });
  const diagnostics: Diagnostic[] = firstAtOffset.map((error) => ({
    code: "json-syntax",
    severity: "error",
    message: describeJsonSyntaxError(printParseErrorCode(error.error)),
    fix: "Correct the JSON syntax at this position; the file cannot be read until it is valid JSON.",
    location: locate(error.offset, error.offset + error.length),
  }));
  return { source, value: documentValue(parseable, root, errors.length === 0), root, diagnostics };
}

const NOT_PLAIN_JSON = Symbol("not plain JSON");

/** The value of a text JSON.parse accepts (strict JSON: no comments, no trailing comma, not empty). */
function plainJsonValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_PLAIN_JSON;
  }
}

/**
 * The value: from the native parser when the text is plain valid JSON (same result, several times faster
 * on large files), otherwise from the tolerant parser's tree (comments, trailing commas, syntax errors).
 */
function documentValue(text: string, root: JsonNode | undefined, valid: boolean): unknown {
  if (root === undefined) return undefined;
  if (valid) {
    try {
      return JSON.parse(text);
    } catch {
      // Comments or trailing commas the options allowed: the tree has the value.
    }
  }
  return jsonNodeValue(root);
}

/** The value of a syntax-tree node; incomplete nodes (after a syntax error) give what was read. */
export function jsonNodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case "object": {
      const result: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && typeof key.value === "string") {
          Object.defineProperty(result, key.value, {
            value: value ? jsonNodeValue(value) : undefined,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
      return result;
    }
    case "array":
      return (node.children ?? []).map(jsonNodeValue);
    default:
      return node.value;
  }
}
