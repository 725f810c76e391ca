import type { EarsClassification, EarsClause, EarsKeyword, EarsPattern } from "./ears-classification.js";

const SHALL = /\bshall\b/i;
const NOT = /^\s*not\b/i;
const KEYWORD = /\b(when|if|while|where|then)\b/gi;
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

/**
 * Tells which EARS pattern a requirement sentence follows. Real files vary a lot: keywords in capitals or
 * sentence case, commas present or not, `WHEN … THEN the system SHALL` (older Kiro) beside
 * `WHEN …, THE X SHALL` (current Kiro), English keywords around clauses in other languages, list markers and
 * bold decoration in front. Only the part before SHALL decides the pattern, as in EARS itself.
 */
export function classifyEars(text: string): EarsClassification {
  const plain = normalizeSentence(text);
  const shall = SHALL.exec(plain);
  const preamble = shall ? plain.slice(0, shall.index) : plain;
  const keywords = findKeywords(preamble);
  const mainStart = findMainClauseStart(preamble, keywords);
  const clauses: EarsClause[] = [];
  for (const match of keywords) {
    if (match.keyword === "then") continue;
    const next = keywords.find((other) => other.start > match.start);
    let end = next?.start ?? preamble.length;
    if (mainStart && mainStart.separatorStart > match.start) end = Math.min(end, mainStart.separatorStart);
    clauses.push({ keyword: match.keyword, text: trimClause(preamble.slice(match.end, end)) });
  }

  const kinds = new Set(clauses.map((clause) => clause.keyword));
  let pattern: EarsPattern = "none";
  if (shall) {
    const [only] = kinds;
    if (kinds.size === 0 || only === undefined) pattern = "ubiquitous";
    else pattern = kinds.size > 1 ? "complex" : PATTERN_OF_KEYWORD[only];
  }

  const afterShall = shall ? plain.slice(shall.index + shall[0].length) : "";
  const negated = shall !== null && NOT.test(afterShall);
  const response = afterShall.replace(NOT, "").trim();
  // Without a visible main clause after the preconditions ("WHEN 用户点击 系统 SHALL") the subject is unknown.
  let subject = "";
  if (shall && clauses.length === 0) subject = cleanSubject(ubiquitousSubject(preamble));
  else if (shall && mainStart) subject = cleanSubject(preamble.slice(mainStart.start));

  const first = (keyword: EarsKeyword): string | undefined =>
    clauses.find((clause) => clause.keyword === keyword)?.text;
  return {
    pattern,
    hasShall: shall !== null,
    negated,
    ...(subject ? { subject } : {}),
    clauses,
    ...optional("trigger", first("when")),
    ...optional("condition", first("if")),
    ...optional("state", first("while")),
    ...optional("feature", first("where")),
    ...(shall && response ? { response } : {}),
  };
}

function optional<Key extends string>(key: Key, value: string | undefined): Partial<Record<Key, string>> {
  return value ? ({ [key]: value } as Record<Key, string>) : {};
}

/** Drops what decorates a sentence without changing its words: list markers, bold, quote markers. */
function normalizeSentence(text: string): string {
  return text
    .replace(/\*\*/g, "")
    .replace(/^\s*(?:>\s*)*/, "")
    .replace(/^(?:[-*+]\s+(?:\[[ xX~-]\]\s*)?|\d+(?:\.\d+)*[.)]?\s+)/, "")
    .replace(/^[*_\s]+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Keywords that open clauses. Capitals always count; other casings only where a clause can start (the
 * sentence start, after a comma or semicolon), so "the data where available" is not read as a WHERE
 * clause. Code spans are masked first: `WHERE` inside `` `SELECT … WHERE` `` is not a keyword.
 */
function findKeywords(preamble: string): KeywordMatch[] {
  const masked = preamble.replace(/`[^`]*`/g, (span) => "_".repeat(span.length));
  const matches: KeywordMatch[] = [];
  for (const match of masked.matchAll(KEYWORD)) {
    const word = match[1] ?? "";
    const start = match.index;
    const keyword = word.toLowerCase() as EarsKeyword | "then";
    const capitals = word === word.toUpperCase();
    const before = masked.slice(0, start).trimEnd();
    const atClauseStart = before === "" || /[,，;；:：]$/.test(before);
    const clauseOpen = matches.some((other) => other.keyword !== "then");
    const accepted = capitals || atClauseStart || (keyword === "then" && clauseOpen);
    if (!accepted) continue;
    if (keyword === "then" && !clauseOpen) continue;
    matches.push({ keyword, start, end: start + word.length });
  }
  return matches;
}

/**
 * Where the main clause (`THE <system>`) starts in the part before SHALL, and where the separator before
 * it starts (so the last precondition ends there). Candidates: after the last THEN, at the last capitalised
 * THE, after the last comma; the latest wins, so a comma inside a trigger does not cut the subject.
 */
function findMainClauseStart(
  preamble: string,
  keywords: readonly KeywordMatch[],
): { start: number; separatorStart: number } | undefined {
  const clauseKeywords = keywords.filter((match) => match.keyword !== "then");
  const lastClause = clauseKeywords.at(-1);
  if (lastClause === undefined) return undefined;
  const from = lastClause.end;
  const candidates: { start: number; separatorStart: number }[] = [];
  const then = keywords.filter((match) => match.keyword === "then" && match.start >= from).at(-1);
  if (then) candidates.push({ start: then.end, separatorStart: then.start });
  const tail = preamble.slice(from);
  const the = lastIndexOf(tail, /\bTHE\b/g);
  if (the !== undefined) candidates.push({ start: from + the, separatorStart: from + the });
  const comma = lastIndexOf(tail, /[,，;；]/g);
  if (comma !== undefined) candidates.push({ start: from + comma + 1, separatorStart: from + comma });
  if (candidates.length === 0) {
    const article = lastIndexOf(tail, /\bthe\b/gi);
    if (article !== undefined && article > 0) return { start: from + article, separatorStart: from + article };
    return undefined;
  }
  return candidates.reduce((best, candidate) => (candidate.start > best.start ? candidate : best));
}

/**
 * A lead-in that is not an EARS keyword (`AFTER the stare period, THE Brain SHALL`, `FOR each pair, THE
 * Pipeline SHALL`) is not part of the subject: the subject starts after the last comma when an article
 * follows it.
 */
function ubiquitousSubject(preamble: string): string {
  const comma = lastIndexOf(preamble, /[,，]/g);
  if (comma === undefined) return preamble;
  const after = preamble.slice(comma + 1);
  return /^\s*the\b/i.test(after) ? after : preamble;
}

function lastIndexOf(text: string, pattern: RegExp): number | undefined {
  let last: number | undefined;
  for (const match of text.matchAll(pattern)) last = match.index;
  return last;
}

function trimClause(text: string): string {
  return text.replace(/^[\s,，:：]+|[\s,，;；:：]+$/g, "");
}

function cleanSubject(text: string): string {
  return text
    .replace(/^[\s,，;；:：]+|[\s,，;；:：]+$/g, "")
    .replace(/^(?:then\s+)?(?:the|a|an)\s+/i, "")
    .replace(/^[`"'“‘]([^`"'“”‘’]*)[`"'”’]$/, "$1")
    .trim();
}
