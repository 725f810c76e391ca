/** Whitespace collapsed and trimmed: a re-wrapped criterion is the same criterion. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}$%]+/u)
      .filter((word) => word !== ""),
  );
}

/** Jaccard similarity of the two texts' words, 0 (nothing shared) to 1 (the same words). */
export function textSimilarity(left: string, right: string): number {
  const a = words(left);
  const b = words(right);
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
