import picomatch from "picomatch/posix.js";

/**
 * The parts of a pattern split at commas outside `{…}` and `[…]`: `"**\/*.ts, **\/*.tsx"` gives two
 * globs, `"**\/*.{ts,tsx}"` stays one (the comma belongs to the brace alternation).
 */
export function splitTopLevelCommas(pattern: string): string[] {
  return topLevelParts(pattern)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** Whether the pattern has a comma outside braces and brackets, which Kiro does not read as a separator. */
export function isCommaSeparated(pattern: string): boolean {
  return topLevelParts(pattern).length > 1;
}

function topLevelParts(pattern: string): string[] {
  const parts: string[] = [];
  let braces = 0;
  let inBrackets = false;
  let start = 0;
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === "\\") index++;
    else if (inBrackets) inBrackets = character !== "]";
    else if (character === "[") inBrackets = true;
    else if (character === "{") braces++;
    else if (character === "}" && braces > 0) braces--;
    else if (character === "," && braces === 0) {
      parts.push(pattern.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(pattern.slice(start));
  return parts;
}

/** `]`, `}` or `)` that no opener before it closes (picomatch reads them as literal characters, silently). */
function strayCloser(pattern: string): string | undefined {
  const open: string[] = [];
  const pairs: Readonly<Record<string, string>> = { "]": "[", "}": "{", ")": "(" };
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index] ?? "";
    if (character === "\\") {
      index++;
      continue;
    }
    if (open.at(-1) === "[") {
      // Inside a character class everything but its closing bracket is literal.
      if (character === "]") open.pop();
      continue;
    }
    if (character === "[" || character === "{" || character === "(") open.push(character);
    else if (character in pairs) {
      if (open.at(-1) !== pairs[character]) return character;
      open.pop();
    }
  }
  return undefined;
}

/**
 * Why a glob cannot match what its author meant, or `undefined` when it is a usable glob. Kiro's matcher is
 * not documented; picomatch (strict about brackets) stands in for it, and a glob picomatch can only turn
 * into a never-matching expression is reported too.
 */
export function globProblem(pattern: string): string | undefined {
  if (pattern.trim() === "") return "the pattern is empty, so it matches no file";
  const stray = strayCloser(pattern);
  if (stray) return `\`${stray}\` closes nothing`;
  // A backslash before a letter escapes nothing in a glob: it is a Windows path separator, and Kiro matches
  // paths written with `/`.
  if (/\\[A-Za-z0-9_]/.test(pattern)) return "it uses `\\` as a path separator; globs use `/`";
  try {
    const regex = picomatch.makeRe(pattern, { strictBrackets: true });
    if (regex.source === "$^") return "it cannot match any path";
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return reason.replace(/ - use .*$/, "").replace(/^Missing closing: /, "missing closing ");
  }
  return undefined;
}
