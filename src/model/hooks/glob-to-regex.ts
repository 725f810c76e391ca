/**
 * A readable regular expression source for a file glob (`**\/*.{ts,tsx}` → `^(?:.*\/)?[^/]*\.(?:ts|tsx)$`), as
 * Kiro 1.0's `matcher` wants a regex where 0.x hooks had globs. Supports `**`, `*`, `?`, `{a,b}` and `[...]`.
 */
export function globToRegexSource(glob: string): string {
  let out = "";
  let braceDepth = 0;
  for (let index = 0; index < glob.length; index++) {
    const character = glob[index] ?? "";
    if (character === "\\" && index + 1 < glob.length) {
      // `\[` is a literal `[` (as picomatch reads it), not a backslash followed by a character class.
      const escaped = glob[index + 1] ?? "";
      out += /[.*+?^${}()|[\]\\/]/.test(escaped) && escaped !== "/" ? `\\${escaped}` : escaped;
      index++;
    } else if (character === "*") {
      if (glob[index + 1] === "*") {
        const slashFollows = glob[index + 2] === "/";
        out += slashFollows ? "(?:.*/)?" : ".*";
        index += slashFollows ? 2 : 1;
      } else {
        out += "[^/]*";
      }
    } else if (character === "?") {
      out += "[^/]";
    } else if (character === "{") {
      braceDepth++;
      out += "(?:";
    } else if (character === "}" && braceDepth > 0) {
      braceDepth--;
      out += ")";
    } else if (character === "," && braceDepth > 0) {
      out += "|";
    } else if (character === "[") {
      const close = classEnd(glob, index + 1);
      if (close > index + 1) {
        const body = glob.slice(index + 1, close).replace(/^!/, "^");
        out += `[${body}]`;
        index = close;
      } else {
        out += "\\[";
      }
    } else {
      out += /[.+^$()|\\\]{}/]/.test(character) && character !== "/" ? `\\${character}` : character;
    }
  }
  out += ")".repeat(braceDepth);
  return `^${out}$`;
}

/** Index of the `]` closing a class opened before `from`, skipping escaped characters; -1 when unclosed. */
function classEnd(glob: string, from: number): number {
  for (let index = from; index < glob.length; index++) {
    if (glob[index] === "\\") index++;
    else if (glob[index] === "]") return index;
  }
  return -1;
}

/** One regex source matching any of the globs. */
export function globsToRegexSource(globs: readonly string[]): string {
  if (globs.length === 1) return globToRegexSource(globs[0] ?? "");
  return `^(?:${globs.map((glob) => globToRegexSource(glob).slice(1, -1)).join("|")})$`;
}
