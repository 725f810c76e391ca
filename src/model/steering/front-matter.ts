import { isAlias, isMap, isNode, isScalar, parseDocument, type Node as YamlNode } from "yaml";
import type { Diagnostic } from "../source/diagnostic.js";
import type { SourceLocation } from "../source/source-location.js";
import { createOffsetLocator, linesLocation, type SourceText } from "../source/source-text.js";

export type { YamlNode };

/** One `key: value` of the front matter, with its YAML node for callers that need more than the value. */
export interface FrontMatterField {
  readonly key: string;
  /** The value as plain data (`toJS`). */
  readonly value: unknown;
  readonly node: YamlNode | null;
  readonly keyLocation: SourceLocation;
  /** The value's location; the key's when the value is empty (`inclusion:`). */
  readonly valueLocation: SourceLocation;
}

/** A YAML front matter block between `---` lines at the top of a markdown file. */
export interface FrontMatter {
  /** From the opening `---` to the closing `---` (or `...`). */
  readonly location: SourceLocation;
  /** Offset of the YAML text (the line after the opening `---`) in the file. */
  readonly contentOffset: number;
  /** Index (into `source.lines`) of the first line after the front matter. */
  readonly endLineIndex: number;
  readonly fields: readonly FrontMatterField[];
  /** Every key as plain data, unknown keys included. */
  readonly data: Readonly<Record<string, unknown>>;
}

export interface FrontMatterResult {
  readonly frontMatter: FrontMatter | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Reads the YAML front matter of a markdown text; YAML errors become diagnostics at their line and column. */
export function parseFrontMatter(source: SourceText): FrontMatterResult {
  const lines = source.lines;
  const first = lines[0];
  if (!first || !OPEN.test(first.text)) return { frontMatter: undefined, diagnostics: [] };
  const closeIndex = lines.findIndex((line, index) => index > 0 && CLOSE.test(line.text));
  const locate = createOffsetLocator(source);
  if (closeIndex < 0) {
    const second = lines[1];
    const looksLikeYaml = second !== undefined && /^[A-Za-z_][\w-]*[ \t]*:/.test(second.text);
    return {
      frontMatter: undefined,
      diagnostics: looksLikeYaml
        ? [
            {
              code: "front-matter-unclosed",
              severity: "error",
              message: "The front matter has no closing `---` line, so none of its settings apply.",
              fix: "Add a line with `---` after the last front matter setting.",
              location: linesLocation(first, first),
            },
          ]
        : [],
    };
  }
  const close = lines[closeIndex] ?? first;
  const contentOffset = lines[1]?.offset ?? first.offset + first.text.length + first.eol.length;
  const yamlText = source.text.slice(contentOffset, close.offset);
  const diagnostics: Diagnostic[] = [];
  const document = parseDocument(yamlText, { prettyErrors: false, keepSourceTokens: false });
  const at = (start: number, end: number): SourceLocation => locate(contentOffset + start, contentOffset + end);
  for (const error of document.errors) {
    diagnostics.push({
      code: "front-matter-yaml-syntax",
      severity: "error",
      message: `Front matter YAML: ${firstLine(error.message)}`,
      fix: "Correct the YAML syntax; Kiro ignores the whole front matter when it cannot read it.",
      location: at(error.pos[0], Math.max(error.pos[0], error.pos[1])),
    });
  }
  for (const warning of document.warnings) {
    diagnostics.push({
      code: "front-matter-yaml-warning",
      severity: "warning",
      message: `Front matter YAML: ${firstLine(warning.message)}`,
      location: at(warning.pos[0], Math.max(warning.pos[0], warning.pos[1])),
    });
  }
  const fields: FrontMatterField[] = [];
  const data: Record<string, unknown> = {};
  const contents = document.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const keyRange = pair.key.range ?? [0, 0, 0];
      const keyLocation = at(keyRange[0], keyRange[1]);
      const written = isNode(pair.value) ? pair.value : null;
      const valueRange = written?.range;
      const valueLocation = valueRange ? at(valueRange[0], valueRange[1]) : keyLocation;
      // An alias (`*name`) stands for the node its anchor marks; an unresolved one has no value.
      const node = isAlias(written) ? (written.resolve(document) ?? null) : written;
      if (isAlias(written) && node === null) {
        diagnostics.push({
          code: "front-matter-yaml-syntax",
          severity: "error",
          message: `Front matter YAML: the alias *${written.source} has no anchor &${written.source} before it.`,
          fix: "Define the anchor before using the alias, or write the value itself.",
          location: valueLocation,
        });
      }
      let value: unknown = null;
      try {
        value = node ? node.toJS(document) : null;
      } catch (error) {
        // yaml throws on unresolved or excessive aliases: the field is kept without a value.
        diagnostics.push({
          code: "front-matter-yaml-syntax",
          severity: "error",
          message: `Front matter YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`,
          fix: "Correct the YAML syntax; Kiro ignores the whole front matter when it cannot read it.",
          location: valueLocation,
        });
      }
      fields.push({
        key,
        value,
        node,
        keyLocation,
        valueLocation,
      });
      Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });
    }
  } else if (contents !== null && document.errors.length === 0) {
    const range = contents.range ?? [0, yamlText.length, yamlText.length];
    diagnostics.push({
      code: "front-matter-not-mapping",
      severity: "error",
      message: "The front matter is not a list of `key: value` settings.",
      fix: "Write one `key: value` setting per line, such as `inclusion: always`.",
      location: at(range[0], range[1]),
    });
  }
  return {
    frontMatter: {
      location: linesLocation(first, close),
      contentOffset,
      endLineIndex: closeIndex + 1,
      fields,
      data,
    },
    diagnostics,
  };
}

function firstLine(message: string): string {
  const line = message.split("\n")[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "").trim();
}
