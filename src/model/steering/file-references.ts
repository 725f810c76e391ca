import { scanMarkdown } from "../markdown/scan-markdown.js";
import type { SourceLocation } from "../source/source-location.js";
import { lineLocation, type SourceText } from "../source/source-text.js";

/** A `#[[file:relative/path]]` reference, which Kiro replaces with the content of that file. */
export interface FileReference {
  /** The path as written, trimmed. */
  readonly path: string;
  /** The whole `#[[file:…]]` marker. */
  readonly location: SourceLocation;
}

const FILE_REFERENCE = /#\[\[file:([^\]\r\n]*)\]\]/g;

/** File references in the text, skipping front matter and fenced code (where they are examples, not includes). */
export function findFileReferences(source: SourceText): FileReference[] {
  const references: FileReference[] = [];
  for (const { line, kind } of scanMarkdown(source, { frontMatter: true })) {
    if (kind.type === "code" || kind.type === "fence" || kind.type === "front-matter") continue;
    for (const match of line.text.matchAll(FILE_REFERENCE)) {
      const start = match.index ?? 0;
      references.push({
        path: (match[1] ?? "").trim(),
        location: lineLocation(line, start, start + match[0].length),
      });
    }
  }
  return references;
}
