/** One line of plain text from a value read elsewhere (a manifest): whitespace runs, line breaks included, become one space. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** `text` as an inline code span, with a backtick fence longer than any backtick run inside it. */
export function codeSpan(text: string): string {
  const value = singleLine(text);
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  const padding = value.startsWith("`") || value.endsWith("`") ? " " : "";
  return `${fence}${padding}${value}${padding}${fence}`;
}

/** Turns a kebab-case spec name into words for a title: `rate-limiting` → `Rate Limiting`. */
export function titleOfName(name: string): string {
  return name
    .split("-")
    .filter((word) => word !== "")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}
