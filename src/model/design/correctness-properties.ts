import type { MarkdownLine } from "../markdown/scan-markdown.js";
import type { ReferenceList } from "../references/parse-references.js";
import type { SourceLocation } from "../source/source-location.js";
import { lineLocation, linesLocation } from "../source/source-text.js";
import { matchPropertyLine, mayOpenProperty, type PropertyLine } from "./property-line.js";
import { matchInlineReferences, matchValidatesLine } from "./validates-line.js";

/** A correctness property of design.md: a universally quantified statement tied to acceptance criteria. */
export interface CorrectnessProperty {
  /** The number as written (`2`, `2a`). */
  readonly number: string;
  /** The title; empty for `**Property 3**` alone. */
  readonly title: string;
  readonly titleLocation: SourceLocation;
  /** The first paragraph after the title (`*For any* …`), markdown kept. */
  readonly statement?: string;
  /** `**Validates: Requirements …**`, or `(Requirements 1.1)` on the title line. */
  readonly validates: (ReferenceList & { readonly location: SourceLocation }) | undefined;
  /** How the property is written: a heading, a paragraph of its own, or a list item (a summary list). */
  readonly form: "heading" | "paragraph" | "list-item";
  /** From the title line to the property's last non-blank line. */
  readonly location: SourceLocation;
}

interface Candidate {
  readonly index: number;
  readonly match: PropertyLine;
  /** Index in the line's text where the examined text starts. */
  readonly base: number;
  readonly form: CorrectnessProperty["form"];
  readonly level: number;
  readonly indent: number;
}

/**
 * Finds the correctness properties. Properties written as headings or paragraphs are definitions; a list of
 * `- Property 1: …` items is a summary (a testing strategy listing them again) and counts only when the
 * document has no definitions at all.
 */
export function findCorrectnessProperties(lines: readonly MarkdownLine[]): CorrectnessProperty[] {
  const candidates: Candidate[] = [];
  let hasDefinition = false;
  for (let index = 0; index < lines.length; index++) {
    const entry = lines[index];
    const candidate = entry ? candidateAt(entry, index) : undefined;
    if (!candidate) continue;
    candidates.push(candidate);
    if (candidate.form !== "list-item") hasDefinition = true;
  }
  const chosen = hasDefinition ? candidates.filter((candidate) => candidate.form !== "list-item") : candidates;
  const properties: CorrectnessProperty[] = [];
  for (let position = 0; position < chosen.length; position++) {
    const candidate = chosen[position];
    const property = candidate ? toProperty(lines, candidate, chosen[position + 1]?.index) : undefined;
    if (property) properties.push(property);
  }
  return properties;
}

function candidateAt(entry: MarkdownLine, index: number): Candidate | undefined {
  const { kind, line } = entry;
  if (kind.type === "heading") {
    const start = line.text.indexOf(kind.title);
    const match = start >= 0 ? matchPropertyLine(kind.title) : undefined;
    return match ? { index, match, base: start, form: "heading", level: kind.level, indent: 0 } : undefined;
  }
  if (kind.type === "text" && kind.indent < 4) {
    const base = line.text.length - line.text.trimStart().length;
    // Most paragraphs are prose: their first letter rules them out before the line is copied.
    if (!mayOpenProperty(line.text, base)) return undefined;
    const match = matchPropertyLine(line.text.slice(base), { strict: true });
    return match ? { index, match, base, form: "paragraph", level: 7, indent: kind.indent } : undefined;
  }
  if (kind.type === "list-item") {
    const match = matchPropertyLine(kind.content, { strict: true });
    return match
      ? { index, match, base: kind.contentIndex, form: "list-item", level: 7, indent: kind.indent }
      : undefined;
  }
  return undefined;
}

function toProperty(
  lines: readonly MarkdownLine[],
  candidate: Candidate,
  nextIndex: number | undefined,
): CorrectnessProperty | undefined {
  const titleLine = lines[candidate.index]?.line;
  const end = blockEnd(lines, candidate, nextIndex ?? lines.length);
  let last = candidate.index;
  for (let index = candidate.index + 1; index < end; index++) if (lines[index]?.kind.type !== "blank") last = index;
  const lastLine = lines[last]?.line ?? titleLine;
  if (!titleLine || !lastLine) return undefined;
  const match = candidate.match;
  const titleLocation = lineLocation(titleLine, candidate.base + match.titleStart, candidate.base + match.titleEnd);
  let validates: CorrectnessProperty["validates"];
  const inline = matchInlineReferences(match.trailing);
  if (inline) {
    const offset = candidate.base + match.trailingStart;
    validates = withLocation(inline.references, lineLocation(titleLine, offset + inline.start, offset + inline.end));
  }
  const statementLines: string[] = [];
  let statementDone = false;
  for (let index = candidate.index + 1; index < end; index++) {
    const entry = lines[index];
    if (!entry) continue;
    const found = entry.kind.type === "code" ? undefined : matchValidatesLine(entry.line.text);
    if (found) {
      validates ??= withLocation(found.references, lineLocation(entry.line, found.start, found.end));
      statementDone = true;
      continue;
    }
    if (statementDone || candidate.form === "list-item") continue;
    if (entry.kind.type === "blank") {
      if (statementLines.length > 0) statementDone = true;
      continue;
    }
    if (entry.kind.type !== "text") {
      statementDone = true;
      continue;
    }
    statementLines.push(entry.line.text.trim());
  }
  const { number, title } = match;
  const form = candidate.form;
  const location = linesLocation(titleLine, lastLine);
  // Two literals rather than a spread: V8 builds these much faster, with the same key order.
  return statementLines.length > 0
    ? { number, title, titleLocation, validates, form, location, statement: statementLines.join("\n") }
    : { number, title, titleLocation, validates, form, location };
}

/** `{ ...references, location }` written out: the same keys in the same order, without a spread. */
function withLocation(
  references: ReferenceList,
  location: SourceLocation,
): ReferenceList & { readonly location: SourceLocation } {
  return { ids: references.ids, all: references.all, unrecognized: references.unrecognized, location };
}

/** A property ends at the next property, at a heading that closes it, or (for a list item) at its sibling. */
function blockEnd(lines: readonly MarkdownLine[], candidate: Candidate, limit: number): number {
  for (let index = candidate.index + 1; index < limit; index++) {
    const kind = lines[index]?.kind;
    if (kind?.type === "heading" && kind.level <= candidate.level) return index;
    if (candidate.form === "list-item" && kind?.type === "list-item" && kind.indent <= candidate.indent) return index;
    if (candidate.form === "list-item" && kind?.type === "text" && kind.indent <= candidate.indent) return index;
  }
  return limit;
}
