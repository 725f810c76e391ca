import type { EarsClassification, EarsClause, EarsKeyword, EarsPattern } from "./ears-classification.js";
import { maskQuoted } from "./mask-quoted.js";
import {
  cleanSubject,
  isAtClauseStart,
  lastCapitalThe,
  lastClauseSeparator,
  lastMatchIndex,
  normalizeSentence,
  trimPunctuation,
} from "./sentence-text.js";

const SHALL = /\bshall\b/i;
const NOT = /^\s*not\b/i;
/** Global, run with `exec` from `lastIndex` 0 (cheaper than `matchAll`, which copies the regex each call). */
const KEYWORD = /\b(when|if|while|where|then)\b/gi;
const ARTICLE = /\bthe\b/gi;
const PATTERN_OF_KEYWORD: Record<EarsKeyword, EarsPattern> = {
  when: "event-driven",
  if: "unwanted-behaviour",
  while: "state-driven",
  where: "optional-feature",
};

interface KeywordMatch {
  readonly keyword: EarsKeyword | "then";
  readonly start: number;
  readonly end: number;
}

interface MainClauseStart {
  readonly start: number;
  readonly separatorStart: number;
}

/**
 * Tells which EARS pattern a requirement sentence follows. Real files vary a lot: keywords in capitals or
 * sentence case, commas present or not, `WHEN … THEN the system SHALL` (older Kiro) beside
 * `WHEN …, THE X SHALL` (current Kiro), English keywords around clauses in other languages, list markers and
 * bold decoration in front. Only the part before SHALL decides the pattern, as in EARS itself.
 */
export function classifyEars(text: string): EarsClassification {
  const plain = normalizeSentence(text);
  // A "shall" inside quotes or a code span is an example or a name, not the requirement's SHALL.
  const shallIndex = maskQuoted(plain).search(SHALL);
  const hasShall = shallIndex >= 0;
  const preamble = hasShall ? plain.slice(0, shallIndex) : plain;
  const keywords = findKeywords(preamble);
  const mainStart = findMainClauseStart(preamble, keywords);
  const clauses: EarsClause[] = [];
  for (let position = 0; position < keywords.length; position++) {
    const match = keywords[position];
    if (match === undefined || match.keyword === "then") continue;
    // Keywords are in reading order: a clause runs to the next keyword, or to the main clause.
    let end = keywords[position + 1]?.start ?? preamble.length;
    if (mainStart && mainStart.separatorStart > match.start) end = Math.min(end, mainStart.separatorStart);
    clauses.push({ keyword: match.keyword, text: trimPunctuation(preamble.slice(match.end, end), false) });
  }

  const firstKeyword = clauses[0]?.keyword;
  let pattern: EarsPattern = "none";
  if (hasShall) {
    if (firstKeyword === undefined) pattern = "ubiquitous";
    else if (clauses.some((clause) => clause.keyword !== firstKeyword)) pattern = "complex";
    else pattern = PATTERN_OF_KEYWORD[firstKeyword];
  }

  // "shall" is 5 characters in any case the /i flag matches.
  const afterShall = hasShall ? plain.slice(shallIndex + 5) : "";
  const negated = hasShall && NOT.test(afterShall);
  const response = (negated ? afterShall.replace(NOT, "") : afterShall).trim();
  // Without a visible main clause after the preconditions ("WHEN 用户点击 系统 SHALL") the subject is unknown.
  let subject = "";
  if (hasShall && clauses.length === 0) subject = cleanSubject(ubiquitousSubject(preamble));
  else if (hasShall && mainStart) subject = cleanSubject(preamble.slice(mainStart.start));

  // Every key in one literal, `undefined` where there is nothing: every classification then has one shape in
  // V8, so the rules reading them are not deoptimized by each new combination of keys. The order is the one
  // the keys always had, and JSON leaves the undefined ones out.
  return {
    pattern,
    hasShall,
    negated,
    subject: subject || undefined,
    clauses,
    trigger: firstClauseText(clauses, "when") || undefined,
    condition: firstClauseText(clauses, "if") || undefined,
    state: firstClauseText(clauses, "while") || undefined,
    feature: firstClauseText(clauses, "where") || undefined,
    response: (hasShall && response) || undefined,
  };
}

function firstClauseText(clauses: readonly EarsClause[], keyword: EarsKeyword): string | undefined {
  for (const clause of clauses) if (clause.keyword === keyword) return clause.text;
  return undefined;
}

/**
 * Keywords that open clauses. Capitals always count; other casings only where a clause can start (the
 * sentence start, after a comma or semicolon), so "the data where available" is not read as a WHERE
 * clause. Code spans are masked first: `WHERE` inside `` `SELECT … WHERE` `` is not a keyword.
 */
function findKeywords(preamble: string): KeywordMatch[] {
  const masked = preamble.includes("`") ? preamble.replace(/`[^`]*`/g, (span) => "_".repeat(span.length)) : preamble;
  const matches: KeywordMatch[] = [];
  let clauseOpen = false;
  KEYWORD.lastIndex = 0;
  for (let match = KEYWORD.exec(masked); match !== null; match = KEYWORD.exec(masked)) {
    const word = match[1] ?? "";
    const start = match.index;
    const keyword = word.toLowerCase() as EarsKeyword | "then";
    const capitals = word === word.toUpperCase();
    const accepted = capitals || isAtClauseStart(masked, start) || (keyword === "then" && clauseOpen);
    if (!accepted) continue;
    if (keyword === "then" && !clauseOpen) continue;
    matches.push({ keyword, start, end: start + word.length });
    if (keyword !== "then") clauseOpen = true;
  }
  return matches;
}

/**
 * Where the main clause (`THE <system>`) starts in the part before SHALL, and where the separator before
 * it starts (so the last precondition ends there). Candidates: after the last THEN, at the last capitalised
 * THE, after the last comma; the latest wins (the first of equals), so a comma inside a trigger does not cut
 * the subject.
 */
function findMainClauseStart(preamble: string, keywords: readonly KeywordMatch[]): MainClauseStart | undefined {
  let lastClause: KeywordMatch | undefined;
  for (const match of keywords) if (match.keyword !== "then") lastClause = match;
  if (lastClause === undefined) return undefined;
  const from = lastClause.end;
  let then: KeywordMatch | undefined;
  for (const match of keywords) if (match.keyword === "then" && match.start >= from) then = match;
  let best: MainClauseStart | undefined;
  if (then) best = { start: then.end, separatorStart: then.start };
  const tail = preamble.slice(from);
  const the = lastCapitalThe(tail);
  if (the !== undefined && (best === undefined || from + the > best.start)) {
    best = { start: from + the, separatorStart: from + the };
  }
  const comma = lastClauseSeparator(tail);
  if (comma !== undefined && (best === undefined || from + comma + 1 > best.start)) {
    best = { start: from + comma + 1, separatorStart: from + comma };
  }
  if (best === undefined) {
    const article = lastMatchIndex(tail, ARTICLE);
    if (article !== undefined && article > 0) return { start: from + article, separatorStart: from + article };
  }
  return best;
}

/**
 * A lead-in that is not an EARS keyword (`AFTER the stare period, THE Brain SHALL`, `FOR each pair, THE
 * Pipeline SHALL`) is not part of the subject: the subject starts after the last comma when an article
 * follows it.
 */
function ubiquitousSubject(preamble: string): string {
  const comma = Math.max(preamble.lastIndexOf(","), preamble.lastIndexOf("，"));
  if (comma < 0) return preamble;
  const after = preamble.slice(comma + 1);
  return /^\s*the\b/i.test(after) ? after : preamble;
}
