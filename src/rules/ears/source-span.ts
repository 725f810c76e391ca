import type { SourceLocation } from "../../model/source/source-location.js";
import type { SourceText } from "../../model/source/source-text.js";
import { maskQuoted } from "./mask-quoted.js";

/**
 * The raw text of an element (a criterion, a clause) as it sits in its file, line breaks included, so a
 * word found in it can be reported at its own line and column rather than at the whole element.
 */
export interface SourceSpan {
  readonly text: string;
  /** `text` with code spans, quotes and URLs blanked out (same length). */
  readonly masked: string;
  /** Location of `text.slice(start, end)`; both indexes into `text`. */
  readonly locate: (start: number, end: number) => SourceLocation;
}

export function sourceSpan(source: SourceText, location: SourceLocation): SourceSpan {
  const text = source.text.slice(location.offset, location.endOffset);
  // Index in `text` where each physical line starts, with that line's number and first column.
  const starts: { index: number; line: number; column: number }[] = [
    { index: 0, line: location.line, column: location.column },
  ];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) {
    const previous = starts.at(-1);
    starts.push({ index: match.index + match[0].length, line: (previous?.line ?? location.line) + 1, column: 1 });
  }
  const at = (index: number): { line: number; column: number } => {
    let start = starts[0] ?? { index: 0, line: location.line, column: location.column };
    for (const candidate of starts) {
      if (candidate.index > index) break;
      start = candidate;
    }
    return { line: start.line, column: start.column + index - start.index };
  };
  return {
    text,
    masked: maskQuoted(text),
    locate: (startIndex, endIndex) => {
      const start = at(startIndex);
      const end = at(endIndex);
      return {
        offset: location.offset + startIndex,
        endOffset: location.offset + endIndex,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      };
    },
  };
}
