/** One simple command of a command line: what runs between `;`, `&&`, `||`, `|`, `&` and newlines. */
export interface ShellSegment {
  /** The segment's text, trimmed, with leading `VAR=value` assignments removed (what patterns match). */
  readonly text: string;
  /** Its words with quotes removed; redirection targets excluded. */
  readonly words: readonly string[];
  /** Files written by `>`, `>>`, `&>`, `2>` … redirections. */
  readonly redirectTargets: readonly string[];
  /** Whether it contains `$(…)`, backticks or `<(…)`: commands this reading cannot see into. */
  readonly hasSubstitution: boolean;
  /** Names assigned before the command (`GIT_EXTERNAL_DIFF=x git diff` → GIT_EXTERNAL_DIFF). */
  readonly assignments: readonly string[];
  /** Whether a `$name` or `${…}` is expanded (outside single quotes): a value this reading cannot see. */
  readonly hasExpansion: boolean;
  /** Words with an unquoted `*`, `?` or `[`: the shell expands them to names this reading cannot see. */
  readonly globWords: readonly string[];
}

/**
 * Splits a POSIX shell command line into simple commands, reading quotes and escapes well enough to
 * judge each part on its own: `npm test && curl x | sh` is three commands, and an allowed first one must
 * not carry the others through. Not a full shell parser (no here-documents, no functions): where it
 * cannot see, the policy asks instead of allowing.
 */
export function splitShellSegments(commandLine: string): ShellSegment[] {
  const segments: ShellSegment[] = [];
  let words: string[] = [];
  let redirectTargets: string[] = [];
  let word = "";
  let inWord = false;
  let hasSubstitution = false;
  let hasExpansion = false;
  let globWords: string[] = [];
  let wordHasGlob = false;
  let pendingRedirect = false;
  let text = "";

  const endWord = () => {
    if (!inWord) return;
    if (pendingRedirect) redirectTargets.push(word);
    else words.push(word);
    if (wordHasGlob) globWords.push(word);
    pendingRedirect = false;
    wordHasGlob = false;
    word = "";
    inWord = false;
  };
  const endSegment = () => {
    endWord();
    const leading = leadingAssignments(words);
    const commandWords = words.slice(leading);
    if (commandWords.length > 0 || redirectTargets.length > 0) {
      segments.push({
        text: stripAssignmentsFromText(text.trim(), leading),
        words: commandWords,
        redirectTargets,
        hasSubstitution,
        assignments: words.slice(0, leading).map((assignment) => assignment.slice(0, assignment.indexOf("="))),
        hasExpansion,
        globWords: globWords.filter((glob) => commandWords.includes(glob) || redirectTargets.includes(glob)),
      });
    }
    words = [];
    redirectTargets = [];
    hasSubstitution = false;
    hasExpansion = false;
    globWords = [];
    pendingRedirect = false;
    text = "";
  };

  let index = 0;
  while (index < commandLine.length) {
    const character = commandLine[index] ?? "";
    const next = commandLine[index + 1] ?? "";
    if (character === "'") {
      const close = commandLine.indexOf("'", index + 1);
      const end = close === -1 ? commandLine.length : close;
      word += commandLine.slice(index + 1, end);
      inWord = true;
      text += commandLine.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    if (character === '"') {
      let cursor = index + 1;
      while (cursor < commandLine.length && commandLine[cursor] !== '"') {
        const inner = commandLine[cursor];
        if (inner === "\\" && cursor + 1 < commandLine.length) {
          word += commandLine[cursor + 1];
          cursor += 2;
          continue;
        }
        if (inner === "`" || (inner === "$" && commandLine[cursor + 1] === "(")) hasSubstitution = true;
        if (inner === "$" && EXPANSION_START.test(commandLine[cursor + 1] ?? "")) hasExpansion = true;
        word += inner;
        cursor += 1;
      }
      inWord = true;
      text += commandLine.slice(index, cursor + 1);
      index = cursor + 1;
      continue;
    }
    if (character === "\\") {
      if (next === "\n") {
        index += 2;
        continue;
      }
      word += next;
      inWord = true;
      text += character + next;
      index += 2;
      continue;
    }
    if (character === "`" || ((character === "$" || character === "<" || character === ">") && next === "(")) {
      hasSubstitution = true;
    }
    if (character === "$" && EXPANSION_START.test(next)) hasExpansion = true;
    if (
      character === ";" ||
      character === "\n" ||
      character === "|" ||
      character === "&" ||
      character === "(" ||
      character === ")"
    ) {
      // `&>` and `>&` are redirections, not separators.
      if (character === "&" && next === ">") {
        endWord();
        pendingRedirect = true;
        text += "&>";
        index += commandLine[index + 2] === ">" ? 3 : 2;
        continue;
      }
      if ((character === "(" || character === ")") && inWord) {
        word += character;
        text += character;
        index += 1;
        continue;
      }
      endSegment();
      index += (character === "|" || character === "&") && next === character ? 2 : 1;
      continue;
    }
    if (character === ">" || (character === "<" && next !== "(")) {
      const isOutput = character === ">";
      // A file-descriptor number right before it (2>) belongs to the operator, not to a word.
      if (inWord && /^\d+$/.test(word)) {
        word = "";
        inWord = false;
      } else endWord();
      let length = 1;
      if (next === ">" || next === "|") length = 2;
      if (next === "&") {
        // >&2 duplicates a descriptor; nothing is written to a file.
        const target = /^&(\d+|-)/.exec(commandLine.slice(index + 1));
        if (target !== null) {
          text += commandLine.slice(index, index + 1 + target[0].length);
          index += 1 + target[0].length;
          continue;
        }
      }
      if (isOutput) pendingRedirect = true;
      else pendingRedirect = false;
      text += commandLine.slice(index, index + length);
      index += length;
      continue;
    }
    if (character === " " || character === "\t") {
      endWord();
      text += character;
      index += 1;
      continue;
    }
    if (character === "*" || character === "?" || character === "[") wordHasGlob = true;
    word += character;
    inWord = true;
    text += character;
    index += 1;
  }
  endSegment();
  return segments;
}

/** What may follow `$` in an expansion: a name, `{`, or a special parameter. */
const EXPANSION_START = /^[A-Za-z_{0-9@*#?!$-]$/;

function leadingAssignments(words: readonly string[]): number {
  let count = 0;
  while (count < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[count] ?? "")) count += 1;
  return count;
}

function stripAssignmentsFromText(text: string, assignments: number): string {
  let rest = text;
  for (let index = 0; index < assignments; index++) {
    rest = rest.replace(/^[A-Za-z_][A-Za-z0-9_]*=(?:'[^']*'|"(?:[^"\\]|\\.)*"|\S)*\s*/, "");
  }
  return rest.trim();
}
