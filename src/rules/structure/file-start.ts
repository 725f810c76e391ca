import type { SourceLocation } from "../../model/source/source-location.js";

/** The start of a file: for findings about a file as a whole (it exists, it is missing a companion). */
export const FILE_START: SourceLocation = { offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
