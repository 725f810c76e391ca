export type ReplaceExactResult =
  | { readonly ok: true; readonly content: string; readonly replacements: number }
  | {
      readonly ok: false;
      readonly reason: "missing" | "not-unique" | "empty" | "unchanged";
      readonly lines: readonly number[];
    };

/**
 * Replaces `oldString` in `content` literally (no regex, no `$&` surprises). Refuses when it is absent,
 * or present more than once without `replaceAll` (the caller names the lines, so the model can add
 * context). A model writes `\n`; in a CRLF file the same text with `\r\n` is tried too.
 */
export function replaceExact(
  content: string,
  oldString: string,
  newString: string,
  replaceAll = false,
): ReplaceExactResult {
  if (oldString === "") return { ok: false, reason: "empty", lines: [] };
  if (oldString === newString) return { ok: false, reason: "unchanged", lines: [] };
  let search = oldString;
  let replacement = newString;
  if (!content.includes(search) && content.includes("\r\n") && !oldString.includes("\r\n")) {
    search = oldString.replace(/\n/g, "\r\n");
    replacement = newString.replace(/\r?\n/g, "\r\n");
  }
  const lines = occurrenceLines(content, search);
  if (lines.length === 0) return { ok: false, reason: "missing", lines };
  if (lines.length > 1 && !replaceAll) return { ok: false, reason: "not-unique", lines };
  return { ok: true, content: content.split(search).join(replacement), replacements: lines.length };
}

/** 1-based line numbers where each non-overlapping occurrence of `search` starts. */
function occurrenceLines(content: string, search: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let scanned = 0;
  let index = content.indexOf(search);
  while (index !== -1) {
    for (let position = scanned; position < index; position++) if (content.charCodeAt(position) === 10) line += 1;
    scanned = index;
    lines.push(line);
    index = content.indexOf(search, index + search.length);
  }
  return lines;
}
