import type { MarkdownLine } from "../markdown/scan-markdown.js";
import type { Diagnostic } from "../source/diagnostic.js";
import type { SourceLocation } from "../source/source-location.js";
import { linesLocation, type SourceText } from "../source/source-text.js";

/** A fenced ```mermaid diagram. */
export interface MermaidBlock {
  /** From the opening fence to the closing fence (or the end of the file when it is not closed). */
  readonly location: SourceLocation;
  /** The diagram source between the fences, line endings as written. */
  readonly content: string;
  readonly closed: boolean;
}

export function findMermaidBlocks(
  source: SourceText,
  lines: readonly MarkdownLine[],
  diagnostics: Diagnostic[],
): MermaidBlock[] {
  const blocks: MermaidBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const entry = lines[index];
    const kind = entry?.kind;
    if (!entry || kind?.type !== "fence" || !kind.opens) continue;
    if (!/^mermaid\b/i.test(kind.info)) continue;
    let end = index + 1;
    while (end < lines.length && lines[end]?.kind.type === "code") end++;
    const closing = lines[end];
    const closed = closing?.kind.type === "fence" && !closing.kind.opens;
    const lastInner = lines[end - 1]?.line;
    const firstInner = lines[index + 1]?.line;
    const content =
      firstInner && lastInner && end - 1 > index
        ? source.text.slice(firstInner.offset, lastInner.offset + lastInner.text.length)
        : "";
    const lastLine = (closed ? closing?.line : lastInner) ?? entry.line;
    blocks.push({ location: linesLocation(entry.line, lastLine), content, closed });
    if (!closed) {
      diagnostics.push({
        code: "design-unclosed-mermaid",
        severity: "warning",
        message: "This mermaid diagram has no closing fence, so the rest of the file renders as code.",
        fix: "Add a closing ``` line after the diagram.",
        location: linesLocation(entry.line, entry.line),
      });
    }
    index = end;
  }
  return blocks;
}
