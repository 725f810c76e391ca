import type { SourceLocation } from "./source-location.js";

export type LineEnding = "\n" | "\r\n" | "\r" | "";

/** One physical line: its text without the line ending, and the ending it had. */
export interface SourceLine {
  /** 1-based line number. */
  readonly number: number;
  /** Offset of the first character of the line in the original text. */
  readonly offset: number;
  readonly text: string;
  readonly eol: LineEnding;
}

/**
 * A text split into lines without losing a byte: the BOM, every line ending as it was (a file may mix
 * CRLF and LF), and a missing final newline. `joinSourceText(splitSourceText(t)) === t` for every string.
 */
export interface SourceText {
  readonly text: string;
  readonly bom: boolean;
  readonly lines: readonly SourceLine[];
  /** The ending most lines use, for lines an edit adds. */
  readonly dominantEol: "\n" | "\r\n";
}

const BOM = "\uFEFF";

export function splitSourceText(text: string): SourceText {
  const bom = text.startsWith(BOM);
  const length = text.length;
  let offset = bom ? 1 : 0;
  let crlf = 0;
  let lf = 0;
  let number = 1;
  // `indexOf` scans far faster than a loop over characters. Each of the next CR and LF is looked up again
  // only once it has been passed, so a file without any CR (the usual case) searches for one once.
  let nextCr = text.indexOf("\r", offset);
  let nextLf = text.indexOf("\n", offset);
  // Sized once for a text without CR (its lines are told by its LFs), rather than regrown line by line;
  // `count` is what is filled, so the lines are the same however the array started. A text with CR starts
  // from an empty array made the same way, so every document's lines share one array shape in V8 (code
  // optimized for one shape is thrown away when another arrives).
  const lines = new Array<SourceLine>(nextCr === -1 ? countLinesWithoutCr(text, offset) : 0);
  let count = 0;
  for (;;) {
    if (nextCr !== -1 && nextCr < offset) nextCr = text.indexOf("\r", offset);
    if (nextLf !== -1 && nextLf < offset) nextLf = text.indexOf("\n", offset);
    let end = nextLf === -1 ? length : nextLf;
    if (nextCr !== -1 && nextCr < end) end = nextCr;
    let eol: LineEnding = "";
    if (end < length) {
      if (end === nextCr) {
        eol = text.charCodeAt(end + 1) === 10 ? "\r\n" : "\r";
      } else {
        eol = "\n";
      }
    }
    if (eol === "\r\n") crlf++;
    else if (eol === "\n") lf++;
    // A text that ends with a line ending has no further line: the empty remainder is not a line.
    if (eol === "" && end === offset && count > 0) break;
    lines[count++] = { number, offset, text: text.slice(offset, end), eol };
    number++;
    offset = end + eol.length;
    if (eol === "") break;
  }
  lines.length = count;
  return { text, bom, lines, dominantEol: crlf > lf ? "\r\n" : "\n" };
}

/** The number of lines from `from` on of a text without CR: one more than its LFs, less a final LF's. */
function countLinesWithoutCr(text: string, from: number): number {
  let count = 1;
  for (let at = text.indexOf("\n", from); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  if (text.length > from && text.charCodeAt(text.length - 1) === 10) count--;
  return count;
}

export function joinSourceText(source: Pick<SourceText, "bom" | "lines">): string {
  let out = source.bom ? BOM : "";
  for (const line of source.lines) out += line.text + line.eol;
  return out;
}

/** Location of columns [startColumn, endColumn) (0-based string indexes) within one line. */
export function lineLocation(line: SourceLine, startIndex = 0, endIndex = line.text.length): SourceLocation {
  return {
    offset: line.offset + startIndex,
    endOffset: line.offset + endIndex,
    line: line.number,
    column: startIndex + 1,
    endLine: line.number,
    endColumn: endIndex + 1,
  };
}

/** Location spanning whole lines, from the start of `first` to the end of `last` (line ending excluded). */
export function linesLocation(first: SourceLine, last: SourceLine): SourceLocation {
  return {
    offset: first.offset,
    endOffset: last.offset + last.text.length,
    line: first.number,
    column: 1,
    endLine: last.number,
    endColumn: last.text.length + 1,
  };
}

/** Maps offsets of a text to line/column, for formats (JSON, YAML) whose parsers report offsets. */
export function createOffsetLocator(source: SourceText): (offset: number, endOffset?: number) => SourceLocation {
  const starts = source.lines.map((line) => line.offset);
  const find = (offset: number): { line: number; column: number } => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    const lineStart = starts[low] ?? 0;
    return { line: low + 1, column: Math.max(0, offset - lineStart) + 1 };
  };
  return (offset, endOffset = offset) => {
    const start = find(offset);
    const end = find(endOffset);
    return { offset, endOffset, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };
}
