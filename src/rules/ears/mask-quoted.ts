/**
 * Code spans, quoted strings and URLs: words inside them are names, labels or messages the system shows,
 * not the requirement's own wording ("show the message `Try again later`" is not vague).
 */
const QUOTED =
  /`[^`\r\n]*`|"[^"\r\n]*"|“[^”\r\n]*”|‘[^’\r\n]*’|「[^」\r\n]*」|(?<![\p{L}\p{N}])'[^'\r\n]*'(?![\p{L}\p{N}])|https?:\/\/\S+/gu;

/** Blanks out quoted parts with spaces of the same length, so indexes still point into the original. */
export function maskQuoted(text: string): string {
  // Code units, not code points: each replaced unit stays one unit, so the length is unchanged.
  return text.replace(QUOTED, (quoted) => quoted.replace(/[^\r\n]/g, " "));
}
