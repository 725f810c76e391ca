import type { MarkdownLine } from "../markdown/scan-markdown.js";
import type { SourceLocation } from "../source/source-location.js";
import type { SourceLine } from "../source/source-text.js";

/** From column `startIndex` (0-based) of `first` to the end of `last`, line ending excluded. */
export function spanLocation(first: SourceLine, startIndex: number, last: SourceLine): SourceLocation {
  return {
    offset: first.offset + startIndex,
    endOffset: last.offset + last.text.length,
    line: first.number,
    column: startIndex + 1,
    endLine: last.number,
    endColumn: last.text.length + 1,
  };
}

const THEMATIC_BREAK = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;

/** A `---` line: it separates blocks and belongs to neither of them. */
export function isThematicBreak(text: string): boolean {
  // Most lines start with another character: skip the regex for them.
  let index = 0;
  while (index < 3 && text.charCodeAt(index) === 32) index++;
  const code = text.charCodeAt(index);
  if (code !== 45 && code !== 42 && code !== 95) return false; // - * _
  return THEMATIC_BREAK.test(text);
}

/**
 * Index of the last line in [from, to) that carries content, skipping trailing blank lines and `---`
 * separators so a block's location ends on its own text; `from` when there is none.
 */
export function lastContentIndex(lines: readonly MarkdownLine[], from: number, to: number): number {
  for (let index = Math.min(to, lines.length) - 1; index > from; index--) {
    const entry = lines[index];
    if (!entry || entry.kind.type === "blank") continue;
    if (entry.kind.type === "code" || !isThematicBreak(entry.line.text)) return index;
  }
  return from;
}
