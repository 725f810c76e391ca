/** A `code span` on one line: [start, end) string indexes, backticks included. */
export interface CodeSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * The inline code spans of one line, as CommonMark pairs them: a run of backticks closes at the next run
 * of the same length. An unmatched run is literal text. Spans that continue onto the next line are not
 * seen (they are rare in Kiro's documents).
 */
export function findCodeSpans(text: string): CodeSpan[] {
  const runs: { start: number; length: number }[] = [];
  for (const match of text.matchAll(/`+/g)) runs.push({ start: match.index, length: match[0].length });
  const spans: CodeSpan[] = [];
  let index = 0;
  while (index < runs.length) {
    const opening = runs[index];
    if (!opening) break;
    const closingIndex = runs.findIndex((run, position) => position > index && run.length === opening.length);
    const closing = runs[closingIndex];
    if (closingIndex < 0 || !closing) {
      index++;
      continue;
    }
    spans.push({ start: opening.start, end: closing.start + closing.length });
    index = closingIndex + 1;
  }
  return spans;
}
