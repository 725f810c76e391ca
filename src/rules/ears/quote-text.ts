/** A sentence shortened for a message: quoted, whitespace collapsed, cut at `max` characters. */
export function quoteText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat}"`;
}
