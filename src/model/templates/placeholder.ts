import type { SourceLocation } from "../source/source-location.js";
import { lineLocation, type SourceText, splitSourceText } from "../source/source-text.js";
import { findCodeSpans } from "./code-spans.js";

/**
 * The one placeholder syntax of Specwright's templates: `<fill: what goes here>`. It renders as literal text
 * in every markdown renderer (a colon right after the tag name makes it neither an HTML tag nor, with the
 * space, an autolink), no real Kiro file in the corpus contains it, and it reads as an instruction.
 * The hint may not contain `<`, `>` or a line break. Text inside code (backticks or a fenced block) is not
 * a placeholder: that is how a document quotes the syntax.
 */
export const PLACEHOLDER_OPENING = "<fill:";

const PLACEHOLDER = /<fill:[ \t]*([^<>\r\n]*?)[ \t]*>/g;

/** A placeholder found in a text: where it is, and what should replace it. */
export interface PlaceholderMatch {
  /** The placeholder as written, `<fill: the event that triggers the response>`. */
  readonly text: string;
  /** What should replace it, `the event that triggers the response` (may be empty). */
  readonly hint: string;
  readonly location: SourceLocation;
}

/** Writes a placeholder; `hint` says what replaces it (angle brackets and line breaks are dropped). */
export function placeholder(hint: string): string {
  const clean = hint.replace(/[<>]/g, "").replace(/\s+/g, " ").trim();
  return `${PLACEHOLDER_OPENING} ${clean}>`;
}

/** Whether a string (one value, such as a fact read from a manifest) contains a placeholder. */
export function containsPlaceholder(text: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  return PLACEHOLDER.test(text);
}

/**
 * Every placeholder in a markdown text, in order, at its exact position. Placeholders inside inline code
 * spans and fenced code blocks are left out.
 */
export function findPlaceholders(text: string | SourceText): PlaceholderMatch[] {
  const matches: PlaceholderMatch[] = [];
  // Every placeholder holds the opening, and most documents have none: one search settles them without
  // the line-by-line fence scan.
  if (!(typeof text === "string" ? text : text.text).includes(PLACEHOLDER_OPENING)) return matches;
  const source = typeof text === "string" ? splitSourceText(text) : text;
  let fence: { readonly character: string; readonly length: number } | undefined;
  for (const line of source.lines) {
    const fenceMatch = /^[ \t]{0,3}(`{3,}|~{3,})(.*)$/.exec(line.text);
    if (fence) {
      const marker = fenceMatch?.[1] ?? "";
      if (
        marker.startsWith(fence.character) &&
        marker.length >= fence.length &&
        (fenceMatch?.[2] ?? "").trim() === ""
      ) {
        fence = undefined;
      }
      continue;
    }
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? "```";
      if (!(marker.startsWith("`") && (fenceMatch[2] ?? "").includes("`"))) {
        fence = { character: marker.slice(0, 1), length: marker.length };
        continue;
      }
    }
    if (!line.text.includes(PLACEHOLDER_OPENING)) continue;
    const code = findCodeSpans(line.text);
    for (const match of line.text.matchAll(PLACEHOLDER)) {
      const start = match.index;
      const end = start + match[0].length;
      if (code.some((span) => start >= span.start && start < span.end)) continue;
      matches.push({ text: match[0], hint: match[1] ?? "", location: lineLocation(line, start, end) });
    }
  }
  return matches;
}
