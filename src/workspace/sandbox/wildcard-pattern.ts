/**
 * A `*`/`?` wildcard pattern as a regular expression over a whole string, where `*` crosses everything
 * (spaces and slashes included). Used for command patterns ("npm test*") and environment variable
 * names ("*_TOKEN"), which are not paths, so path globs would be the wrong tool.
 */
export function wildcardToRegExp(pattern: string, flags = ""): RegExp {
  let source = "";
  for (const character of pattern) {
    if (character === "*") source += "[\\s\\S]*";
    else if (character === "?") source += "[\\s\\S]";
    else source += character.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, flags);
}

export function matchesWildcard(text: string, pattern: string, flags = ""): boolean {
  return wildcardToRegExp(pattern, flags).test(text);
}
