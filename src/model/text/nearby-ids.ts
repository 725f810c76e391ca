/**
 * "Did you mean" for ids (`2.3`, `29a.1`, `R4`): only ids of the same shape whose numbers are close, so a
 * typo in `3.6` suggests `3.5` and `3.4`, never `1.1` or a requirement id. Edit distance on ids suggests
 * unrelated ids that happen to share digits.
 */
export function nearbyIds(input: string, candidates: Iterable<string>, limit = 3, maxDistance = 3): string[] {
  const wanted = idParts(input);
  if (!wanted) return [];
  const scored: { id: string; distance: number }[] = [];
  for (const id of new Set(candidates)) {
    const parts = idParts(id);
    if (!parts || id === input || parts.shape !== wanted.shape) continue;
    let distance = 0;
    for (let index = 0; index < parts.values.length; index++) {
      // Only the last number may move freely: `2.4` is near `2.1`, but `1.2` belongs to another requirement.
      const weight = index < parts.numberCount - 1 ? 10 : 1;
      distance += weight * Math.abs((parts.values[index] ?? 0) - (wanted.values[index] ?? 0));
    }
    if (distance <= maxDistance) scored.push({ id, distance });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit)
    .map((entry) => entry.id);
}

/**
 * `29a.1` → shape `9a.9` (each digit run `9`, each letter `a`, case kept apart) and values [29, 1, 1]: the
 * numbers, then each letter's place in the alphabet, so `29b` is one away from `29a`.
 */
function idParts(id: string): { shape: string; values: number[]; numberCount: number } | undefined {
  const tokens = id.match(/\d+|[A-Za-z]|[^\dA-Za-z]+/g);
  if (!tokens) return undefined;
  let shape = "";
  const numbers: number[] = [];
  const letters: number[] = [];
  for (const token of tokens) {
    if (/^\d/.test(token)) {
      shape += "9";
      numbers.push(Number(token));
    } else if (/^[a-z]$/.test(token)) {
      shape += "a";
      letters.push(token.charCodeAt(0) - 96);
    } else if (/^[A-Z]$/.test(token)) {
      // A capital is a fixed prefix (`R`, `US`): it must match exactly.
      shape += token;
    } else {
      shape += token;
    }
  }
  return { shape, values: [...numbers, ...letters], numberCount: numbers.length };
}
