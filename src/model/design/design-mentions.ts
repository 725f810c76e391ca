import { scanMarkdown } from "../markdown/scan-markdown.js";
import { parseReferenceList } from "../references/parse-references.js";
import type { SourceText } from "../source/source-text.js";

/** The text under one design heading, up to the next heading of any level, with the headings above it. */
export interface DesignChunk {
  /** `Components and Interfaces > Rate limiter`. */
  readonly heading: string;
  readonly text: string;
}

export interface MentioningChunk extends DesignChunk {
  /** The criteria and requirement ids of the task that this chunk mentions. */
  readonly mentions: readonly string[];
}

/** A labelled list of ids: `Requirements 1.1, 2.3`, `**Validates: Requirements 1.6**`, `Requirement 2`, `criteria 1.2-1.4`. */
const LABELLED_IDS =
  /\b(?:requirements?|reqs?|criteri(?:on|a)|validates)\b[\s:*_]*((?:requirements?\s*)?[A-Za-z]?\d+[a-z]?(?:\.\d+[a-z]?)*(?:\s*(?:,|and|-|–|to)\s*[A-Za-z]?\d+[a-z]?(?:\.\d+[a-z]?)*)*)/gi;

/** The ids a text names after a requirement label; a bare `4.1` could be a version, so it does not count. */
export function mentionedIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const match of text.matchAll(LABELLED_IDS)) {
    for (const id of parseReferenceList(match[1] ?? "").ids) ids.add(id);
  }
  return ids;
}

/** Splits a design into chunks, one per heading (text before the first heading is left out). */
export function designChunks(source: SourceText): DesignChunk[] {
  const lines = scanMarkdown(source);
  const chunks: DesignChunk[] = [];
  const path: { level: number; title: string }[] = [];
  let current: { heading: string; start: number } | undefined;
  const close = (end: number) => {
    if (!current) return;
    const text = source.text.slice(current.start, end).trimEnd();
    chunks.push({ heading: current.heading, text });
  };
  for (const { line, kind } of lines) {
    if (kind.type !== "heading") continue;
    close(line.offset);
    while (path.length > 0 && (path.at(-1)?.level ?? 0) >= kind.level) path.pop();
    path.push({ level: kind.level, title: kind.title });
    // The document's title (`# Design Document`) says nothing; the path starts below it.
    const heading = path
      .filter((entry) => entry.level > 1 || path.length === 1)
      .map((entry) => entry.title)
      .join(" > ");
    current = { heading, start: line.offset };
  }
  close(source.text.length);
  return chunks;
}

/**
 * Pure: the design chunks that mention one of the task's criteria or their requirements (by id, after a
 * requirement label), or one of the correctness properties the task names, in document order.
 */
export function chunksMentioning(
  chunks: readonly DesignChunk[],
  wanted: {
    readonly criterionIds: readonly string[];
    readonly requirementIds: readonly string[];
    readonly propertyNumbers: readonly string[];
  },
): MentioningChunk[] {
  const criterionIds = new Set(wanted.criterionIds);
  const requirementIds = new Set(wanted.requirementIds);
  const result: MentioningChunk[] = [];
  for (const chunk of chunks) {
    const mentions = new Set<string>();
    for (const id of mentionedIds(chunk.text)) {
      // `Requirement 2` counts when the task names one of its criteria; `2.3` only when the task names 2.3.
      if (criterionIds.has(id) || (!id.includes(".") && requirementIds.has(id))) mentions.add(id);
    }
    for (const number of wanted.propertyNumbers) {
      if (new RegExp(`\\bProperty\\s+${number.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(chunk.heading)) {
        mentions.add(`Property ${number}`);
      }
    }
    if (mentions.size > 0) result.push({ ...chunk, mentions: [...mentions] });
  }
  return result;
}
