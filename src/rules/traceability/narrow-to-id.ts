import type { SourceLocation } from "../../model/source/source-location.js";

/**
 * The location of `id` itself inside a one-line reference list, so an editor underlines the wrong id and
 * not the whole list; the list's location when the id is written differently (`Req 2`, a range).
 */
export function narrowToId(text: string, list: SourceLocation, id: string): SourceLocation {
  if (list.line !== list.endLine) return list;
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(?<![\\w.])${escaped}(?![\\w]|\\.\\d)`).exec(text.slice(list.offset, list.endOffset));
  if (!match) return list;
  const start = match.index;
  return {
    offset: list.offset + start,
    endOffset: list.offset + start + id.length,
    line: list.line,
    column: list.column + start,
    endLine: list.line,
    endColumn: list.column + start + id.length,
  };
}
