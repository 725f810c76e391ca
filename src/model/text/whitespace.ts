/**
 * Character tests the hot parsing paths use instead of slicing and running a regex: they must agree
 * exactly with what the regexes and `String.prototype.trim` they replace consider whitespace or a word.
 */

/**
 * Whether a UTF-16 code unit is whitespace for `\s` and `trim()` (both use WhiteSpace + LineTerminator):
 * tab, LF, VT, FF, CR, space, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, BOM.
 */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether a code unit is a word character for `\b` and `\w` without the `u` flag: `[A-Za-z0-9_]`. */
export function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 // _
  );
}

/** Index of the first character that is not a space or a tab (the text's length when there is none). */
export function skipSpacesAndTabs(text: string, from = 0): number {
  let index = from;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 9) break;
    index++;
  }
  return index;
}

/**
 * Whether `text` holds, from `from` on, a character `.` does not match (LF, CR, U+2028, U+2029). Four native
 * searches: on a one-byte string the two-byte separators are ruled out at once.
 */
export function hasLineTerminator(text: string, from: number): boolean {
  return (
    text.indexOf("\n", from) !== -1 ||
    text.indexOf("\r", from) !== -1 ||
    text.indexOf("\u2028", from) !== -1 ||
    text.indexOf("\u2029", from) !== -1
  );
}
