/** Replace `length` characters at `offset` with `text`. Offsets index the original text. */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

export class OverlappingEditsError extends Error {
  constructor() {
    super("Two edits overlap; apply them one after the other instead.");
    this.name = "OverlappingEditsError";
  }
}

/** Applies non-overlapping edits to `text`; the bytes outside them are kept as they were. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  let out = "";
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.offset < cursor || edit.offset + edit.length > text.length) throw new OverlappingEditsError();
    out += text.slice(cursor, edit.offset) + edit.text;
    cursor = edit.offset + edit.length;
  }
  return out + text.slice(cursor);
}
