/**
 * The string clean-ups EARS classification applies to a sentence and its parts. Each one is written so the
 * common case (nothing to remove) costs a character test rather than a regex run and a new string; the
 * results are exactly those of the regexes quoted in the comments.
 */
import { isWhitespaceCode, isWordCode } from "../text/whitespace.js";

const LEADING_QUOTE_MARKERS = /^\s*(?:>\s*)*/;
const LIST_MARKER = /^(?:[-*+]\s+(?:\[[ xX~-]\]\s*)?|\d+(?:\.\d+)*[.)]?\s+)/;
const LEADING_DECORATION = /^[*_\s]+/;
/** Whitespace that `\s+` → " " would change: a run of two, or a single character other than a space. */
const IRREGULAR_SPACE = /\s\s|[^\S ]/;
const ARTICLE = /^(?:then\s+)?(?:the|a|an)\s+/i;
const QUOTED = /^[`"'“‘]([^`"'“”‘’]*)[`"'”’]$/;

/** Drops what decorates a sentence without changing its words: list markers, bold, quote markers. */
export function normalizeSentence(text: string): string {
  let plain = text.includes("**") ? text.replace(/\*\*/g, "") : text;
  let first = plain.charCodeAt(0);
  if (first === 62 || isWhitespaceCode(first)) plain = plain.replace(LEADING_QUOTE_MARKERS, ""); // >
  first = plain.charCodeAt(0);
  if (first === 45 || first === 42 || first === 43 || (first >= 48 && first <= 57)) {
    plain = plain.replace(LIST_MARKER, ""); // - * + digit
  }
  first = plain.charCodeAt(0);
  if (first === 42 || first === 95 || isWhitespaceCode(first)) plain = plain.replace(LEADING_DECORATION, ""); // * _
  if (IRREGULAR_SPACE.test(plain)) plain = plain.replace(/\s+/g, " ");
  return plain.trim();
}

/** `,` `，` `;` `；` `:` `：` */
function isPunctuation(code: number, semicolons: boolean): boolean {
  if (code === 44 || code === 0xff0c || code === 58 || code === 0xff1a) return true;
  return semicolons && (code === 59 || code === 0xff1b);
}

/**
 * `text.replace(/^[\s,，:：]+|[\s,，;；:：]+$/g, "")` (`semicolonsAtStart` false) or the same with `;；` at the
 * start too. Stripping the start first and then the end up to it is what the global replace does: its second
 * alternative only matches a run that reaches the end.
 */
export function trimPunctuation(text: string, semicolonsAtStart: boolean): string {
  let start = 0;
  let end = text.length;
  while (start < end) {
    const code = text.charCodeAt(start);
    if (!isWhitespaceCode(code) && !isPunctuation(code, semicolonsAtStart)) break;
    start++;
  }
  while (end > start) {
    const code = text.charCodeAt(end - 1);
    if (!isWhitespaceCode(code) && !isPunctuation(code, true)) break;
    end--;
  }
  return text.slice(start, end);
}

/** The subject as named: separators, a leading article and surrounding quotes removed. */
export function cleanSubject(text: string): string {
  let subject = trimPunctuation(text, true);
  const first = subject.charCodeAt(0) | 0x20; // lower case for ASCII letters
  if (first === 116 || first === 97) subject = subject.replace(ARTICLE, ""); // t a
  if (/^[`"'“‘]/.test(subject)) subject = subject.replace(QUOTED, "$1");
  return subject.trim();
}

/** Index of the last `,` `，` `;` `；` in `text` (what `/[,，;；]/g` last matches). */
export function lastClauseSeparator(text: string): number | undefined {
  for (let index = text.length - 1; index >= 0; index--) {
    const code = text.charCodeAt(index);
    if (code === 44 || code === 0xff0c || code === 59 || code === 0xff1b) return index;
  }
  return undefined;
}

/** Index of the last `\bTHE\b` in `text`: such matches cannot overlap, so the last occurrence that has word
 * boundaries on both sides is the last match. */
export function lastCapitalThe(text: string): number | undefined {
  for (let index = text.lastIndexOf("THE"); index >= 0; index = index > 0 ? text.lastIndexOf("THE", index - 1) : -1) {
    if (!isWordCode(text.charCodeAt(index - 1)) && !isWordCode(text.charCodeAt(index + 3))) return index;
  }
  return undefined;
}

/** Index of the last match of a global `pattern` that cannot match the empty string. */
export function lastMatchIndex(text: string, pattern: RegExp): number | undefined {
  pattern.lastIndex = 0;
  let last: number | undefined;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) last = match.index;
  return last;
}

/** Whether a keyword at `start` opens a clause: nothing but whitespace before it, or a comma, semicolon or colon. */
export function isAtClauseStart(text: string, start: number): boolean {
  let index = start - 1;
  while (index >= 0 && isWhitespaceCode(text.charCodeAt(index))) index--;
  return index < 0 || isPunctuation(text.charCodeAt(index), true);
}
