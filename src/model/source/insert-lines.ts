import type { SourceText } from "./source-text.js";
import type { TextEdit } from "./text-edit.js";

/**
 * An edit inserting whole lines after line `afterIndex` (-1: at the start), using the file's dominant line
 * ending. A last line without a final newline keeps having none.
 */
export function insertLinesAfter(source: SourceText, afterIndex: number, newLines: readonly string[]): TextEdit {
  const eol = source.dominantEol;
  if (afterIndex < 0) {
    const offset = source.lines[0]?.offset ?? (source.bom ? 1 : 0);
    return { offset, length: 0, text: newLines.map((line) => line + eol).join("") };
  }
  const line = source.lines[afterIndex];
  if (!line) return { offset: source.text.length, length: 0, text: newLines.map((entry) => eol + entry).join("") };
  const end = line.offset + line.text.length;
  if (line.eol === "") return { offset: end, length: 0, text: newLines.map((entry) => eol + entry).join("") };
  return { offset: end + line.eol.length, length: 0, text: newLines.map((entry) => entry + eol).join("") };
}

/** An edit removing line `index` with its ending (or the ending before it, for a last line without one). */
export function deleteLine(source: SourceText, index: number): TextEdit {
  const line = source.lines[index];
  if (!line) return { offset: 0, length: 0, text: "" };
  const previous = source.lines[index - 1];
  if (line.eol === "" && previous) {
    const start = previous.offset + previous.text.length;
    return { offset: start, length: line.offset + line.text.length - start, text: "" };
  }
  return { offset: line.offset, length: line.text.length + line.eol.length, text: "" };
}
