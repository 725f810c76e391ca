/**
 * Code spans, quoted strings and URLs: words inside them are names, labels or messages the system shows,
 * not the requirement's own wording ("show the message `Try again later`" is not vague).
 */
const CLOSERS: Readonly<Record<string, string>> = { "`": "`", '"': '"', "“": "”", "‘": "’", "「": "」", "'": "'" };
const OPENERS = /[`"“‘「']|https?:\/\//g;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Blanks out quoted parts with spaces of the same length, so indexes still point into the original. A quote
 * closes on the same line or not at all; a `'` only quotes when it is not an apostrophe (`user's`).
 */
export function maskQuoted(text: string): string {
  let masked = "";
  let copied = 0;
  OPENERS.lastIndex = 0;
  for (let match = OPENERS.exec(text); match !== null; match = OPENERS.exec(text)) {
    const start = match.index;
    const end = quotedEnd(text, start, match[0]);
    if (end === undefined) continue;
    // A quote never spans lines, so one space per code unit keeps every index (and line) in place.
    masked += text.slice(copied, start) + " ".repeat(end - start);
    copied = end;
    OPENERS.lastIndex = end;
  }
  return copied === 0 ? text : masked + text.slice(copied);
}

/** One past the end of the quote opened at `start`, or undefined when it is not a quote. */
function quotedEnd(text: string, start: number, opener: string): number | undefined {
  if (opener.startsWith("http")) {
    const space = text.slice(start).search(/\s/);
    return space === -1 ? text.length : start + space;
  }
  if (opener === "'" && WORD_CHARACTER.test(text[start - 1] ?? " ")) return undefined;
  const close = text.indexOf(CLOSERS[opener] ?? opener, start + 1);
  if (close === -1) return undefined;
  if (/[\r\n]/.test(text.slice(start + 1, close))) return undefined;
  if (opener === "'" && WORD_CHARACTER.test(text[close + 1] ?? " ")) return undefined;
  return close + 1;
}
