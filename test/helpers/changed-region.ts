/** The single region where two texts differ: start offset, characters removed and added; undefined if equal. */
export function changedRegion(
  before: string,
  after: string,
): { start: number; removed: number; added: number } | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let suffix = 0;
  while (
    suffix < before.length - start &&
    suffix < after.length - start &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  return { start, removed: before.length - start - suffix, added: after.length - start - suffix };
}
