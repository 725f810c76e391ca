/**
 * Deeper than any real configuration file, far below what the recursive parser, the value builder and the
 * schema checks can take on the stack (about 3,000 levels overflowed it).
 */
export const MAX_JSON_DEPTH = 256;

/**
 * The offset of the first `[` or `{` that opens level `maxDepth + 1`, or undefined when the text nests no
 * deeper than that. One pass, no recursion; strings and comments are skipped so brackets in them do not count.
 */
export function firstTooDeepOffset(text: string, maxDepth = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x22 /* " */) {
      index = endOfString(text, index);
    } else if (char === 0x2f /* / */ && text.charCodeAt(index + 1) === 0x2f) {
      const end = text.indexOf("\n", index);
      index = end === -1 ? text.length : end;
    } else if (char === 0x2f && text.charCodeAt(index + 1) === 0x2a /* * */) {
      const end = text.indexOf("*/", index + 2);
      index = end === -1 ? text.length : end + 1;
    } else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      depth++;
      if (depth > maxDepth) return index;
    } else if ((char === 0x5d /* ] */ || char === 0x7d) /* } */ && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/** The offset of the closing quote of the string opening at `start` (or of the line end, where an unterminated one stops). */
function endOfString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x5c /* \ */) index++;
    else if (char === 0x22 || char === 0x0a) return index;
  }
  return text.length;
}
