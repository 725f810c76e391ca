import { hasLineTerminator } from "../text/whitespace.js";

/**
 * Reads an ATX heading line the way `/^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$/` does (the level is the
 * length of group 1, the title group 2 trimmed), by hand: headings are a tenth of a Kiro document's lines and
 * this runs for each, so it avoids the regex's capture arrays and backtracking. How the regex behaves:
 * - after up to three spaces come 1–6 `#`; more `#` can only be part of the closing sequence;
 * - the title starts after the spaces and tabs following the `#`s, and is the shortest text that leaves a
 *   suffix of the form `[ \t]*#*[ \t]*`; without a space or tab after the `#`s the rest must be that suffix;
 * - `.` does not match a line terminator, so a line containing one (U+2028, U+2029) is no heading.
 * `mayHoldTerminator` false says the caller knows the text holds none (a scanned line of a text without
 * U+2028 and U+2029), which spares the search.
 */
export interface AtxHeading {
  readonly level: number;
  readonly title: string;
}

export function readAtxHeading(text: string, mayHoldTerminator = true): AtxHeading | undefined {
  const length = text.length;
  let index = 0;
  while (index < 3 && text.charCodeAt(index) === 32) index++;
  const hashesStart = index;
  while (index < length && text.charCodeAt(index) === 35) index++; // #
  const hashes = index - hashesStart;
  if (hashes === 0) return undefined;
  const level = Math.min(hashes, 6);
  const afterHashes = hashesStart + level;
  if (mayHoldTerminator && hasLineTerminator(text, afterHashes)) return undefined;
  // The end of the title: strip the closing sequence `[ \t]*#*[ \t]*` from the end of the line.
  let end = length;
  while (end > afterHashes && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  while (end > afterHashes && text.charCodeAt(end - 1) === 35) end--;
  while (end > afterHashes && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  if (!isSpaceOrTab(text.charCodeAt(afterHashes))) {
    // No title: only the closing sequence may follow the `#`s.
    return end === afterHashes ? { level, title: "" } : undefined;
  }
  let start = afterHashes;
  while (start < length && isSpaceOrTab(text.charCodeAt(start))) start++;
  return { level, title: start < end ? text.slice(start, end).trim() : "" };
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}
