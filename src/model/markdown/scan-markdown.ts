import type { SourceLine, SourceText } from "../source/source-text.js";
import { skipSpacesAndTabs } from "../text/whitespace.js";
import { readAtxHeading } from "./atx-heading.js";
import { isThematicBreakLine, readListItemLine } from "./list-item-line.js";

/** What one line of markdown is, as far as Kiro's documents care. */
export type MarkdownLineKind =
  | { readonly type: "blank" }
  | { readonly type: "heading"; readonly level: number; readonly title: string }
  | { readonly type: "fence"; readonly info: string; readonly opens: boolean }
  | { readonly type: "code" }
  | { readonly type: "front-matter" }
  | {
      readonly type: "list-item";
      readonly indent: number;
      readonly marker: string;
      readonly content: string;
      readonly contentIndex: number;
    }
  | { readonly type: "text"; readonly indent: number };

export interface MarkdownLine {
  readonly line: SourceLine;
  readonly kind: MarkdownLineKind;
}

const FENCE = /^([ \t]*)(`{3,}|~{3,})(.*)$/;

// Kinds without data are shared: scanning allocates nothing for blank lines and code.
const BLANK: MarkdownLineKind = { type: "blank" };
const CODE: MarkdownLineKind = { type: "code" };
const FRONT_MATTER: MarkdownLineKind = { type: "front-matter" };
/** Text kinds for the usual indents, shared too: prose is most of a document's lines. */
const TEXT_BY_INDENT: readonly MarkdownLineKind[] = Array.from({ length: 17 }, (_, indent) => ({
  type: "text",
  indent,
}));

function textKind(indent: number): MarkdownLineKind {
  return TEXT_BY_INDENT[indent] ?? { type: "text", indent };
}

/** Width of leading whitespace, a tab counting as up to the next multiple of 4 (CommonMark). */
export function indentWidth(text: string): number {
  let width = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32) width++;
    else if (code === 9) width += 4 - (width % 4);
    else break;
  }
  return width;
}

/**
 * Classifies every line, keeping fenced code (``` and ~~~) and YAML front matter apart so a `#` or `- [ ]`
 * inside them is not mistaken for structure.
 */
export function scanMarkdown(source: SourceText, options: { frontMatter?: boolean } = {}): MarkdownLine[] {
  const lines = source.lines;
  // Sized once: one entry per line pushed onto an empty array would regrow (and copy) it a dozen times
  // for a long document. `count` stays below the length only for lines missing from a hand-made text.
  const result = new Array<MarkdownLine>(lines.length);
  let count = 0;
  let index = 0;
  if (options.frontMatter && lines[0]?.text.trimEnd() === "---") {
    const close = lines.findIndex((line, position) => position > 0 && /^(---|\.\.\.)\s*$/.test(line.text));
    if (close > 0) {
      for (; index <= close; index++) {
        const line = lines[index];
        if (line) result[count++] = { line, kind: FRONT_MATTER };
      }
    }
  }
  let fence: { character: string; length: number } | undefined;
  // The lines hold no CR or LF (they were split at them), so only U+2028 and U+2029 can end a heading or a
  // list item early; a text without either spares each of those lines the search.
  const text = source.text;
  const separators = text.indexOf("\u2028") !== -1 || text.indexOf("\u2029") !== -1;
  for (; index < lines.length; index++) {
    const line = lines[index];
    if (!line) continue;
    result[count++] = { line, kind: classify(line.text) };
  }
  result.length = count;
  return result;

  function classify(text: string): MarkdownLineKind {
    // Every pattern below allows only spaces and tabs before its first character, so that character decides
    // which patterns can match at all; the others are not run.
    const start = skipSpacesAndTabs(text);
    // NaN for a line of only spaces and tabs, without reading past the end (which V8 would deoptimize this
    // function for, the first time a blank line comes after it was optimized).
    const first = start < text.length ? text.charCodeAt(start) : Number.NaN;
    const fenceMatch = first === 96 || first === 126 ? FENCE.exec(text) : null; // ` ~
    if (fence) {
      if (
        fenceMatch &&
        fenceMatch[2]?.[0] === fence.character &&
        (fenceMatch[2]?.length ?? 0) >= fence.length &&
        (fenceMatch[3] ?? "").trim() === ""
      ) {
        fence = undefined;
        return { type: "fence", info: "", opens: false };
      }
      return CODE;
    }
    if (fenceMatch && !(fenceMatch[2]?.startsWith("`") && (fenceMatch[3] ?? "").includes("`"))) {
      const marker = fenceMatch[2] ?? "```";
      fence = { character: marker[0] ?? "`", length: marker.length };
      return { type: "fence", info: (fenceMatch[3] ?? "").trim(), opens: true };
    }
    if (isBlank(text, first)) return BLANK;
    if (first === 35) {
      // #
      const heading = readAtxHeading(text, separators);
      if (heading) return { type: "heading", level: heading.level, title: heading.title };
    }
    const item = isListMarkerStart(first) ? readListItemLine(text, separators) : undefined;
    if (item && !((first === 45 || first === 42) && isThematicBreakLine(text, item.leadingLength))) {
      return {
        type: "list-item",
        indent: indentWidth(text),
        marker: item.marker,
        content: item.content,
        contentIndex: item.contentIndex,
      };
    }
    return textKind(indentWidth(text));
  }
}

/**
 * `text.trim() === ""`, settled without trimming when the first character after spaces and tabs (`first`,
 * NaN when there is none) is visible ASCII.
 */
function isBlank(text: string, first: number): boolean {
  if (Number.isNaN(first)) return true;
  if (first > 32 && first < 127) return false;
  return text.trim() === "";
}

/** `-`, `*`, `+` or a digit: the characters a list item's marker starts with. */
function isListMarkerStart(code: number): boolean {
  return code === 45 || code === 42 || code === 43 || (code >= 48 && code <= 57);
}

/** A heading and the lines under it up to the next heading of the same or a higher level. */
export interface MarkdownSection {
  readonly level: number;
  readonly title: string;
  /** Index (into the scanned lines) of the heading line. */
  readonly headingIndex: number;
  /** Index one past the section's last line. */
  readonly endIndex: number;
}

export function findSections(lines: readonly MarkdownLine[]): MarkdownSection[] {
  const sections: { level: number; title: string; headingIndex: number; endIndex: number }[] = [];
  // The sections still open, by rising level: a heading ends every open section of its level or deeper, so
  // one pass finds every end instead of a scan ahead from each heading (the document's title ran to the end).
  const open: number[] = [];
  for (let index = 0; index < lines.length; index++) {
    const kind = lines[index]?.kind;
    if (kind?.type !== "heading") continue;
    for (let last = open.at(-1); last !== undefined; last = open.at(-1)) {
      const section = sections[last];
      if (!section || section.level < kind.level) break;
      section.endIndex = index;
      open.pop();
    }
    open.push(sections.length);
    sections.push({ level: kind.level, title: kind.title, headingIndex: index, endIndex: lines.length });
  }
  return sections;
}
