/** Words too common to tell one steering file's purpose from another's. */
const STOP_WORDS = new Set(
  "about after also and any are been but can could does each for from have how into its may more must not only other our over should some such than that the their them then there these they this those through use used using what when where which while will with within without would your guide guidelines file files include included rules".split(
    " ",
  ),
);

/** The distinctive words of a description: lower case, at least four letters, no stop words. */
export function descriptionKeywords(description: string): string[] {
  const words = description.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}_-]*/gu) ?? [];
  return [...new Set(words.filter((word) => word.length >= 4 && !STOP_WORDS.has(word)))];
}

/**
 * Kiro includes an `auto` file when the request fits its description; it asks the model. Specwright decides
 * without a model call, by the description's distinctive words that the request (prompt and files in play)
 * contains: two of them, or the only one when the description has just one. A word matches a request word
 * that starts with it or that it starts with (five letters at least), so "validation" meets "validate".
 */
export function matchDescription(description: string, request: string): string[] {
  const keywords = descriptionKeywords(description);
  const requestWords = new Set(request.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}_-]*/gu) ?? []);
  const matched = keywords.filter((keyword) => [...requestWords].some((word) => related(keyword, word)));
  const needed = Math.min(2, keywords.length);
  return needed > 0 && matched.length >= needed ? matched : [];
}

function related(keyword: string, word: string): boolean {
  if (keyword === word) return true;
  const shorter = keyword.length <= word.length ? keyword : word;
  const longer = shorter === keyword ? word : keyword;
  const stem = shorter.slice(0, Math.max(5, shorter.length - 2));
  return shorter.length >= 5 && longer.startsWith(stem);
}
