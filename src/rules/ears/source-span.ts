import { maskQuoted } from "../../model/ears/mask-quoted.js";
import type { SourceLocation } from "../../model/source/source-location.js";
import type { SourceText } from "../../model/source/source-text.js";
import { findShalls } from "./find-shall.js";
import { maskReported } from "./mask-reported.js";

/**
 * The raw text of an element (a criterion, a clause) as it sits in its file, line breaks included, so a
 * word found in it can be reported at its own line and column rather than at the whole element.
 */
export interface SourceSpan {
  readonly text: string;
  /** `text` with code spans, quotes, URLs and reported conditions (`SHALL state that IF …`) blanked out (same length). */
  readonly masked: string;
  /** Index in `text` of every SHALL outside quotes. */
  readonly shalls: readonly number[];
  /** Location of `text.slice(start, end)`; both indexes into `text`. */
  readonly locate: (start: number, end: number) => SourceLocation;
}

export function sourceSpan(source: SourceText, location: SourceLocation): SourceSpan {
  const text = source.text.slice(location.offset, location.endOffset);
  const locate = (startIndex: number, endIndex: number): SourceLocation => {
    const start = position(text, location, startIndex);
    const end = position(text, location, endIndex);
    return {
      offset: location.offset + startIndex,
      endOffset: location.offset + endIndex,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  };
  const masked = maskReported(maskQuoted(text));
  return { text, masked, shalls: findShalls(masked), locate };
}

/** Line and column of `index` in `text`, which starts at `location`; only findings need it, so it is lazy. */
function position(text: string, location: SourceLocation, index: number): { line: number; column: number } {
  let line = location.line;
  let lineStart = 0;
  for (const match of text.slice(0, index).matchAll(/\r\n|\r|\n/g)) {
    line++;
    lineStart = match.index + match[0].length;
  }
  return { line, column: line === location.line ? location.column + index : index - lineStart + 1 };
}
