import type { Diagnostic } from "../source/diagnostic.js";
import { joinSourceText, type SourceText } from "../source/source-text.js";

/** What every parsed markdown document shares: the text it came from, split losslessly, and its problems. */
export interface MarkdownDocumentBase {
  readonly source: SourceText;
  readonly diagnostics: readonly Diagnostic[];
}

/** Writes a parsed document back: byte for byte the text it was parsed from. */
export function serializeDocument(document: { readonly source: Pick<SourceText, "bom" | "lines"> }): string {
  return joinSourceText(document.source);
}
