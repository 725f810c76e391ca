import { VAGUE_TERM_GROUPS, type VagueTermGroup } from "./vague-terms.js";

export interface VagueTermMatch {
  /** As written in the text. */
  readonly word: string;
  readonly index: number;
  readonly group: VagueTermGroup;
}

function escapePattern(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/ /g, "\\s+");
}

/**
 * Whole words only: a letter, digit, `_`, `-` or `/` on either side makes it part of another word, so
 * `fast-check`, `may_retry` and `/etc/hosts` are names, not vague words. `etc` may carry its dot.
 */
const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}_/-])(${VAGUE_TERM_GROUPS.flatMap((group) => group.terms)
    .sort((a, b) => b.length - a.length)
    .map(escapePattern)
    .join("|")})(?![\\p{L}\\p{N}_/-])(\\.?)`,
  "giu",
);

/**
 * Terms grouped by their first letter, `s(?:hould|uitable|…)|m(?:ay|ight)|…`: the same matches as the plain
 * alternation, but at each position of the text V8 tries one group instead of every term (half the time
 * on real criteria). A term's first character is a letter, so the `i` flag treats a group as it did the term.
 */
function alternationByFirstLetter(terms: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const term of terms) {
    const first = term.slice(0, 1).toLowerCase();
    const rest = escapePattern(term.slice(1));
    const list = byFirst.get(first);
    if (list) list.push(rest);
    else byFirst.set(first, [rest]);
  }
  return [...byFirst].map(([first, rests]) => `${first}(?:${rests.join("|")})`).join("|");
}

/** Every term without the word-boundary checks, as a cheap test first: most criteria have none. */
const PREFILTER = new RegExp(alternationByFirstLetter(VAGUE_TERM_GROUPS.flatMap((group) => group.terms)), "i");

function groupOf(word: string): VagueTermGroup | undefined {
  const normalized = word.toLowerCase().replace(/\s+/g, " ");
  return VAGUE_TERM_GROUPS.find((group) => group.terms.includes(normalized));
}

/** Whether a text may contain a vague word: a cheap test before masking it and searching for real. */
export function mayHaveVagueTerm(text: string): boolean {
  return PREFILTER.test(text);
}

/** Vague words in a text whose quotes and code are already masked. */
export function findVagueTerms(masked: string): VagueTermMatch[] {
  const matches: VagueTermMatch[] = [];
  if (!PREFILTER.test(masked)) return matches;
  for (const match of masked.matchAll(PATTERN)) {
    const word = match[1] ?? "";
    const group = groupOf(word);
    if (!group) continue;
    const context = {
      before: masked.slice(0, match.index),
      after: masked.slice(match.index + word.length),
      text: masked,
    };
    if (group.exempt?.(context)) continue;
    const dotted = word.toLowerCase() === "etc" && match[2] === ".";
    matches.push({ word: dotted ? `${word}.` : word, index: match.index, group });
  }
  return matches;
}
