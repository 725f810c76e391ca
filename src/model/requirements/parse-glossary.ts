import type { MarkdownLine } from "../markdown/scan-markdown.js";
import { lineLocation } from "../source/source-text.js";
import { readListItems } from "./read-list-items.js";
import type { GlossaryTerm } from "./requirements-types.js";

/** `**Term**: definition`, `**Term**：…`, `**Term:** …` (colon inside the bold), `**Term** — …`. */
const BOLD_TERM = /^(?:\*\*|__)(.+?)(?:\*\*|__)\s*(?:[:：]|[—–-](?=\s))?\s*(.*)$/s;
/** `Term: definition`, `` `Term` — definition `` without bold. */
const PLAIN_TERM = /^([^:：]{1,80}?)\s*(?:[:：]|\s[—–-]\s)\s*(.*)$/s;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Reads the terms of a Glossary section (lines [from, to)): list entries in the forms Kiro and people
 * write, or the rows of a two-column table. Lines that define nothing are skipped.
 */
export function parseGlossary(lines: readonly MarkdownLine[], from: number, to: number): GlossaryTerm[] {
  const terms: GlossaryTerm[] = [];
  let start = from;
  // A glossary may group its terms under sub-headings; read each run of lines between them.
  for (let index = from; index <= to; index++) {
    if (index === to || lines[index]?.kind.type === "heading") {
      terms.push(...readListTerms(lines, start, index), ...readTableTerms(lines, start, index));
      start = index + 1;
    }
  }
  return terms;
}

function readListTerms(lines: readonly MarkdownLine[], from: number, to: number): GlossaryTerm[] {
  const terms: GlossaryTerm[] = [];
  for (const item of readListItems(lines, from, to)) {
    const match = BOLD_TERM.exec(item.text) ?? PLAIN_TERM.exec(item.text);
    const term = cleanTerm(match?.[1] ?? "");
    if (!match || term === "") continue;
    terms.push({ term, definition: (match[2] ?? "").trim(), location: item.location });
  }
  return terms;
}

function readTableTerms(lines: readonly MarkdownLine[], from: number, to: number): GlossaryTerm[] {
  const terms: GlossaryTerm[] = [];
  let inTable = false;
  for (let index = from; index < to; index++) {
    const entry = lines[index];
    if (entry?.kind.type !== "text") {
      inTable = false;
      continue;
    }
    const text = entry.line.text;
    if (TABLE_SEPARATOR.test(text) && text.includes("|")) {
      // The row above the separator is the header; the rows below are terms.
      inTable = true;
      continue;
    }
    if (!inTable || !text.trim().startsWith("|")) continue;
    const cells = splitRow(text);
    const term = cleanTerm(cells[0] ?? "");
    if (term === "") continue;
    const start = text.indexOf("|");
    terms.push({
      term,
      definition: cells.slice(1).join(" | ").trim(),
      location: lineLocation(entry.line, start, text.trimEnd().length),
    });
  }
  return terms;
}

function splitRow(text: string): string[] {
  return text
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

function cleanTerm(text: string): string {
  return text
    .replace(/\*\*|__|`/g, "")
    .trim()
    .replace(/[:：]$/, "")
    .trim();
}
