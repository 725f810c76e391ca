const SHALL = /shall/gi;
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/**
 * Indexes of every SHALL (any case) standing as a word; `masked` text so a quoted "shall" is not counted.
 * A plain search and a look at the neighbours: this runs on every criterion, and it is cheaper than a
 * Unicode regex with lookbehind.
 */
export function findShalls(masked: string): number[] {
  const indexes: number[] = [];
  SHALL.lastIndex = 0;
  for (let match = SHALL.exec(masked); match !== null; match = SHALL.exec(masked)) {
    const before = masked[match.index - 1];
    const after = masked[match.index + 5];
    if (
      (before === undefined || !WORD_CHARACTER.test(before)) &&
      (after === undefined || !WORD_CHARACTER.test(after))
    ) {
      indexes.push(match.index);
    }
  }
  return indexes;
}
