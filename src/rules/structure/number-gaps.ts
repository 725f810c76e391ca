/** A run of missing numbers, and the element after it (where the gap shows). */
export interface NumberGap<Item> {
  readonly from: number;
  readonly to: number;
  /** The highest number before the gap, undefined when the gap is at the start. */
  readonly before: number | undefined;
  readonly next: Item;
}

/**
 * Numbers missing from a sequence that runs 1, 2, 3, … (0 may start it). Repeats and order do not matter
 * here: duplicates and reordering are other problems. `fromOne`: numbers below the first are missing too;
 * false for top-level sequences, which may continue an earlier list (a tasks.md that starts at task 17
 * after the first sixteen were archived).
 */
export function numberGaps<Item>(
  items: readonly Item[],
  numberOf: (item: Item) => number,
  fromOne: boolean,
): NumberGap<Item>[] {
  if (isConsecutive(items, numberOf, fromOne)) return [];
  const firstWithNumber = new Map<number, Item>();
  for (const item of items) {
    const number = numberOf(item);
    if (Number.isInteger(number) && !firstWithNumber.has(number)) firstWithNumber.set(number, item);
  }
  const numbers = [...firstWithNumber.keys()].sort((a, b) => a - b);
  const gaps: NumberGap<Item>[] = [];
  let previous: number | undefined;
  for (const number of numbers) {
    const expected = previous === undefined ? (fromOne ? Math.min(number, 1) : number) : previous + 1;
    const next = firstWithNumber.get(number);
    if (number > expected && next !== undefined) gaps.push({ from: expected, to: number - 1, before: previous, next });
    previous = number;
  }
  return gaps;
}

/** The common case, checked without sorting: numbers written in order, one after the other. */
function isConsecutive<Item>(items: readonly Item[], numberOf: (item: Item) => number, fromOne: boolean): boolean {
  let previous: number | undefined;
  for (const item of items) {
    const number = numberOf(item);
    const expected = previous === undefined ? (fromOne ? Math.min(number, 1) : number) : previous + 1;
    if (number !== expected) return false;
    previous = number;
  }
  return true;
}

/** `3` or `3–5` (`3.3–3.5` with a prefix). */
export function describeRange(prefix: string, from: number, to: number): string {
  return from === to ? `${prefix}${from}` : `${prefix}${from}–${prefix}${to}`;
}
