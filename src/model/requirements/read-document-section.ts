import type { MarkdownLine, MarkdownSection } from "../markdown/scan-markdown.js";
import { linesLocation } from "../source/source-text.js";
import type { DocumentSection } from "./requirements-types.js";
import { lastContentIndex } from "./span-location.js";

/** The section's heading, title and body locations; trailing blank lines and `---` separators left out. */
export function readDocumentSection(
  lines: readonly MarkdownLine[],
  section: MarkdownSection,
): DocumentSection | undefined {
  const heading = lines[section.headingIndex]?.line;
  const lastIndex = lastContentIndex(lines, section.headingIndex, section.endIndex);
  const last = lines[lastIndex]?.line;
  if (!heading || !last) return undefined;
  let bodyStart = section.headingIndex + 1;
  while (bodyStart <= lastIndex && lines[bodyStart]?.kind.type === "blank") bodyStart++;
  const bodyFirst = lines[bodyStart]?.line;
  return {
    title: section.title,
    location: linesLocation(heading, last),
    ...(bodyFirst && bodyStart <= lastIndex ? { bodyLocation: linesLocation(bodyFirst, last) } : {}),
  };
}

/** The first level-1 heading's text. */
export function findDocumentTitle(lines: readonly MarkdownLine[]): string | undefined {
  for (const entry of lines) {
    if (entry.kind.type === "heading" && entry.kind.level === 1) return entry.kind.title;
  }
  return undefined;
}
