import { findSections, type MarkdownLine } from "../markdown/scan-markdown.js";
import type { SourceLocation } from "../source/source-location.js";
import { lineLocation, linesLocation } from "../source/source-text.js";

/** The `##` sections of a feature design as Kiro writes them, in its order. */
export const KIRO_DESIGN_SECTIONS = [
  "Overview",
  "Architecture",
  "Components and Interfaces",
  "Data Models",
  "Correctness Properties",
  "Error Handling",
  "Testing Strategy",
] as const;

/** A heading of the design and the block it opens (up to the next heading of the same or a higher level). */
export interface DesignSection {
  readonly level: number;
  readonly title: string;
  /** The heading line. */
  readonly location: SourceLocation;
  /** From the heading to the last non-blank line of the section. */
  readonly blockLocation: SourceLocation;
}

export function findDesignSections(lines: readonly MarkdownLine[]): DesignSection[] {
  const result: DesignSection[] = [];
  for (const section of findSections(lines)) {
    const heading = lines[section.headingIndex]?.line;
    if (!heading) continue;
    let lastIndex = section.endIndex - 1;
    while (lastIndex > section.headingIndex && lines[lastIndex]?.kind.type === "blank") lastIndex--;
    const last = lines[lastIndex]?.line ?? heading;
    const start = heading.text.length - heading.text.trimStart().length;
    result.push({
      level: section.level,
      title: section.title,
      location: lineLocation(heading, start, heading.text.trimEnd().length),
      blockLocation: linesLocation(heading, last),
    });
  }
  return result;
}
