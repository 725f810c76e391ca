const OTHER_SCRIPT_LETTER = /(?!\p{Script=Latin})\p{L}/gu;

/**
 * A sentence written (at least partly) in a language with another script: `当用户点击保存时，系统应当保存草稿`,
 * `Search Console で以下が確認できる`. Mixed-language EARS keeps the English keywords (`WHEN 用户… THE
 * System SHALL 显示…`), so a missing SHALL there means the author wrote the sentence in their own language,
 * with its own modal verb, and is not a defect. Code spans do not count.
 */
export function isLocalizedSentence(text: string): boolean {
  // Latin, its extensions and punctuation: the common case, decided without counting letters.
  if (!/[^\s -\u024F\u2000-\u206F]/.test(text)) return false;
  const outside = text.replace(/`[^`]*`/g, " ");
  return (outside.match(OTHER_SCRIPT_LETTER)?.length ?? 0) >= 3;
}
