/**
 * Where an element sits in its file. Offsets index the original text (BOM included) so edits can be
 * applied to it directly; lines and columns are 1-based, columns count UTF-16 code units (SARIF's default).
 */
export interface SourceLocation {
  readonly offset: number;
  readonly endOffset: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The start of a file: for a finding about a file as a whole (it is missing a section, it cannot be read). */
export const FILE_START: SourceLocation = { offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
