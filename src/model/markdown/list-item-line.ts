import { hasLineTerminator, isWhitespaceCode } from "../text/whitespace.js";

/**
 * Reads a list item line the way `/^([ \t]*)([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/` does, by hand: list items
 * are most of a tasks.md and of a requirements.md's criteria, so this avoids a capture array and four
 * substrings per line. How the regex behaves:
 * - the indentation is every leading space and tab (the marker cannot start with either);
 * - the marker is `-`, `*`, `+`, or 1–9 digits followed by `.` or `)` (ten digits never match);
 * - then either the end of the line, or spaces or tabs followed by the content: all of the rest, which must
 *   not hold a line terminator (`.` does not match U+2028 or U+2029).
 * `mayHoldTerminator` false says the caller knows the text holds none, which spares the search.
 */
export interface ListItemLine {
  /** Length of the leading spaces and tabs. */
  readonly leadingLength: number;
  readonly marker: string;
  /** Index where the content starts, after the marker and the spaces following it. */
  readonly contentIndex: number;
  readonly content: string;
}

export function readListItemLine(text: string, mayHoldTerminator = true): ListItemLine | undefined {
  const length = text.length;
  let index = 0;
  while (index < length && isSpaceOrTab(text.charCodeAt(index))) index++;
  const leadingLength = index;
  const first = text.charCodeAt(index);
  if (first === 45 || first === 42 || first === 43) {
    index++; // - * +
  } else {
    while (index < length && index - leadingLength < 10 && isDigit(text.charCodeAt(index))) index++;
    const digits = index - leadingLength;
    const after = text.charCodeAt(index);
    if (digits === 0 || digits > 9 || (after !== 46 && after !== 41)) return undefined; // . )
    index++;
  }
  const markerEnd = index;
  if (markerEnd === length) {
    return { leadingLength, marker: text.slice(leadingLength, markerEnd), contentIndex: markerEnd, content: "" };
  }
  while (index < length && isSpaceOrTab(text.charCodeAt(index))) index++;
  if (index === markerEnd) return undefined;
  if (mayHoldTerminator && hasLineTerminator(text, index)) return undefined;
  return {
    leadingLength,
    marker: text.slice(leadingLength, markerEnd),
    contentIndex: index,
    content: text.slice(index),
  };
}

/**
 * `/^[-*_]([ \t]*[-*_]){2,}[ \t]*$/.test(text.trim())` for a line whose first character after its leading
 * spaces and tabs is at `start`: a `---`, `***` or `___` line (spaces allowed), which is not a list item.
 */
export function isThematicBreakLine(text: string, start: number): boolean {
  let end = text.length;
  while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  let marks = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    const mark = code === 45 || code === 42 || code === 95; // - * _
    if (mark) marks++;
    else if (!isSpaceOrTab(code) || index === start) return false;
  }
  return marks >= 3;
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
