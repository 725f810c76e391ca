import type { SourceLine, SourceText } from "../source/source-text.js";

/** What one line of markdown is, as far as Kiro's documents care. */
export type MarkdownLineKind =
  | { readonly type: "blank" }
  | { readonly type: "heading"; readonly level: number; readonly title: string }
  | { readonly type: "fence"; readonly info: string; readonly opens: boolean }
  | { readonly type: "code" }
  | { readonly type: "front-matter" }
  | {
      readonly type: "list-item";
      readonly indent: number;
      readonly marker: string;
      readonly content: string;
      readonly contentIndex: number;
    }
  | { readonly type: "text"; readonly indent: number };

export interface MarkdownLine {
  readonly line: SourceLine;
  readonly kind: MarkdownLineKind;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$/;
const FENCE = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;

/** Width of leading whitespace, a tab counting as up to the next multiple of 4 (CommonMark). */
export function indentWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    if (character === " ") width++;
    else if (character === "\t") width += 4 - (width % 4);
    else break;
  }
  return width;
}

/**
 * Classifies every line, keeping fenced code (``` and ~~~) and YAML front matter apart so a `#` or `- [ ]`
 * inside them is not mistaken for structure.
 */
export function scanMarkdown(source: SourceText, options: { frontMatter?: boolean } = {}): MarkdownLine[] {
  const result: MarkdownLine[] = [];
  const lines = source.lines;
  let index = 0;
  if (options.frontMatter && lines[0]?.text.trimEnd() === "---") {
    const close = lines.findIndex((line, position) => position > 0 && /^(---|\.\.\.)\s*$/.test(line.text));
    if (close > 0) {
      for (; index <= close; index++) {
        const line = lines[index];
        if (line) result.push({ line, kind: { type: "front-matter" } });
      }
    }
  }
  let fence: { character: string; length: number } | undefined;
  for (; index < lines.length; index++) {
    const line = lines[index];
    if (!line) continue;
    result.push({ line, kind: classify(line.text) });
  }
  return result;

  function classify(text: string): MarkdownLineKind {
    const fenceMatch = FENCE.exec(text);
    if (fence) {
      if (
        fenceMatch &&
        fenceMatch[2]?.[0] === fence.character &&
        (fenceMatch[2]?.length ?? 0) >= fence.length &&
        (fenceMatch[3] ?? "").trim() === ""
      ) {
        fence = undefined;
        return { type: "fence", info: "", opens: false };
      }
      return { type: "code" };
    }
    if (fenceMatch && !(fenceMatch[2]?.startsWith("`") && (fenceMatch[3] ?? "").includes("`"))) {
      const marker = fenceMatch[2] ?? "```";
      fence = { character: marker[0] ?? "`", length: marker.length };
      return { type: "fence", info: (fenceMatch[3] ?? "").trim(), opens: true };
    }
    if (text.trim() === "") return { type: "blank" };
    const heading = HEADING.exec(text);
    if (heading) return { type: "heading", level: heading[1]?.length ?? 1, title: (heading[2] ?? "").trim() };
    const item = LIST_ITEM.exec(text);
    if (item && !/^[-*_]([ \t]*[-*_]){2,}[ \t]*$/.test(text.trim())) {
      const leading = item[1] ?? "";
      const marker = item[2] ?? "-";
      const gap = item[3] ?? "";
      return {
        type: "list-item",
        indent: indentWidth(leading),
        marker,
        content: item[4] ?? "",
        contentIndex: leading.length + marker.length + gap.length,
      };
    }
    return { type: "text", indent: indentWidth(text) };
  }
}

/** A heading and the lines under it up to the next heading of the same or a higher level. */
export interface MarkdownSection {
  readonly level: number;
  readonly title: string;
  /** Index (into the scanned lines) of the heading line. */
  readonly headingIndex: number;
  /** Index one past the section's last line. */
  readonly endIndex: number;
}

export function findSections(lines: readonly MarkdownLine[]): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  lines.forEach((entry, headingIndex) => {
    if (entry.kind.type !== "heading") return;
    const level = entry.kind.level;
    let endIndex = headingIndex + 1;
    while (endIndex < lines.length) {
      const kind = lines[endIndex]?.kind;
      if (kind?.type === "heading" && kind.level <= level) break;
      endIndex++;
    }
    sections.push({ level, title: entry.kind.title, headingIndex, endIndex });
  });
  return sections;
}
