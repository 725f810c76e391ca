import { isSecretPath } from "../../workspace/sandbox/secret-files.js";
import { matchesWildcard } from "../../workspace/sandbox/wildcard-pattern.js";
import { isInGitDirectory } from "../../workspace/sandbox/workspace-path.js";
import { builtInAskReason } from "./command-hazards.js";
import { type CommandRuleSet, DEFAULT_COMMAND_RULES } from "./default-command-rules.js";
import { type ShellSegment, splitShellSegments } from "./shell-segments.js";

export type CommandDecision = "allow" | "deny" | "ask";

/** Settings `agent.commands`: `*` wildcard patterns matched against each simple command of a line. */
export interface CommandRules {
  readonly allow?: readonly string[];
  readonly deny?: readonly string[];
  readonly ask?: readonly string[];
}

export interface CommandVerdict {
  readonly decision: CommandDecision;
  /** Which rule decided, e.g. `built-in deny "git push*"` or `settings allow "npm test*"`. */
  readonly rule: string;
  /** The simple command that decided (for a line of several). */
  readonly segment: string;
}

export interface DecideCommandOptions {
  /** The workspace root: absolute paths below it are not "outside". */
  readonly root?: string;
  /** Settings `agent.allowSecretReads`. */
  readonly allowSecretReads?: readonly string[];
  /** Replaces the built-in rules (tests; a host with its own policy). */
  readonly builtIn?: CommandRuleSet;
}

const DECISION_WEIGHT: Record<CommandDecision, number> = { allow: 0, ask: 1, deny: 2 };
const WRITING_COMMANDS = new Set([
  "rm",
  "mv",
  "cp",
  "touch",
  "mkdir",
  "tee",
  "ln",
  "chmod",
  "sed",
  "truncate",
  "install",
]);
const PIPE_INTO_SHELL = /\|\s*(?:sudo\s+)?(?:ba|z|da|k|fi)?sh\b(?:\s+-s?)?\s*(?:$|[;&|)])/;

/**
 * The policy for one shell command line, as a pure function. Each simple command (`a && b | c` is three)
 * is judged on its own and the strictest verdict wins. For one simple command, in order: a deny pattern
 * (settings or built-in) or a built-in hazard (writes into `.git`, secret files, piping into a shell) is
 * `deny`; a settings ask is `ask`; a settings allow is `allow`; a built-in ask (installs, network, inline
 * interpreters), an unseen sub-command (`$(…)`) or a path outside the workspace is `ask`; a built-in allow
 * is `allow`; anything else is `ask`. This list is a first filter and the source of clear messages; the
 * boundary is the operating-system sandbox the commands run in (a list cannot see through every shell
 * trick), which is why unknown commands are asked about rather than allowed.
 */
export function decideCommand(
  command: string,
  rules: CommandRules = {},
  options: DecideCommandOptions = {},
): CommandVerdict {
  if (command.trim() === "") return { decision: "deny", rule: "empty command", segment: "" };
  if (PIPE_INTO_SHELL.test(command)) {
    return { decision: "deny", rule: "built-in deny: piping into a shell", segment: command.trim() };
  }
  const segments = splitShellSegments(command);
  let strictest: CommandVerdict | undefined;
  for (const segment of segments) {
    const verdict = decideSegment(segment, rules, options);
    if (strictest === undefined || DECISION_WEIGHT[verdict.decision] > DECISION_WEIGHT[strictest.decision]) {
      strictest = verdict;
    }
  }
  return strictest ?? { decision: "deny", rule: "empty command", segment: command.trim() };
}

function decideSegment(segment: ShellSegment, rules: CommandRules, options: DecideCommandOptions): CommandVerdict {
  const builtIn = options.builtIn ?? DEFAULT_COMMAND_RULES;
  const text = segment.text;
  const verdict = (decision: CommandDecision, rule: string): CommandVerdict => ({ decision, rule, segment: text });

  const settingsDeny = firstMatch(text, rules.deny);
  if (settingsDeny !== undefined) return verdict("deny", `settings deny "${settingsDeny}"`);
  const builtInDeny = firstMatch(text, builtIn.deny);
  if (builtInDeny !== undefined) return verdict("deny", `built-in deny "${builtInDeny}"`);
  const hazard = hazardOf(segment, options);
  if (hazard !== undefined) return verdict("deny", `built-in deny: ${hazard}`);

  const settingsAsk = firstMatch(text, rules.ask);
  if (settingsAsk !== undefined) return verdict("ask", `settings ask "${settingsAsk}"`);
  const settingsAllow = firstMatch(text, rules.allow);
  if (settingsAllow !== undefined) return verdict("allow", `settings allow "${settingsAllow}"`);

  const builtInAsk = firstMatch(text, builtIn.ask);
  if (builtInAsk !== undefined) return verdict("ask", `built-in ask "${builtInAsk}"`);
  const askReason = builtInAskReason(segment);
  if (askReason !== undefined) return verdict("ask", `built-in ask: ${askReason}`);
  if (segment.hasSubstitution) return verdict("ask", "command substitution the policy cannot see into");
  // Checkpoints leave ignored files out, so what a recursive delete takes from them cannot be restored.
  if (isRecursiveDelete(segment)) return verdict("ask", "recursive delete");
  const outside = [...segment.words, ...segment.redirectTargets].find((word) => leavesWorkspace(word, options.root));
  if (outside !== undefined) return verdict("ask", `path outside the workspace (${outside})`);
  const builtInAllow = builtIn.allow.find((pattern) => matchesWholeWords(text, pattern.trim()));
  if (builtInAllow !== undefined) return verdict("allow", `built-in allow "${builtInAllow}"`);
  return verdict("ask", "not in any allow list");
}

function isRecursiveDelete(segment: ShellSegment): boolean {
  const [program = "", ...argumentsOfProgram] = segment.words;
  if (baseName(program) !== "rm") return false;
  return argumentsOfProgram.some((word) => word === "--recursive" || /^-[A-Za-z]*[rR]/.test(word));
}

/**
 * A built-in allow pattern ending in a word and `*` ("npx vitest*") matches that word whole: "npx vitest run"
 * and "npx vitest", never "npx vitest-evil" (a different package npx would fetch and run).
 */
function matchesWholeWords(text: string, pattern: string): boolean {
  const wordThenStar = /^(.*[A-Za-z0-9_])\*$/.exec(pattern);
  if (wordThenStar?.[1] === undefined) return matchesWildcard(text, pattern);
  return matchesWildcard(text, wordThenStar[1]) || matchesWildcard(text, `${wordThenStar[1]} *`);
}

function firstMatch(text: string, patterns: readonly string[] | undefined): string | undefined {
  return patterns?.find((pattern) => matchesWildcard(text, pattern.trim()));
}

function hazardOf(segment: ShellSegment, options: DecideCommandOptions): string | undefined {
  const [program = "", ...argumentsOfProgram] = segment.words;
  if (segment.redirectTargets.some((target) => isInGitDirectory(normalizeWord(target)))) {
    return "writing into .git";
  }
  if (
    WRITING_COMMANDS.has(baseName(program)) &&
    argumentsOfProgram.some((word) => isInGitDirectory(normalizeWord(word)))
  ) {
    return "writing into .git";
  }
  // Only words that look like paths: `grep credentials src` searches for a word, it reads no secret.
  const secret = [...argumentsOfProgram.filter((word) => /[./]/.test(word)), ...segment.redirectTargets].find((word) =>
    isSecretPath(normalizeWord(word), options.allowSecretReads ?? []),
  );
  if (secret !== undefined) return `touching a secret-looking file (${secret})`;
  return undefined;
}

function normalizeWord(word: string): string {
  return word.replace(/^\.\/+/, "").replace(/\/+$/, "");
}

function baseName(program: string): string {
  return program.slice(program.lastIndexOf("/") + 1);
}

function leavesWorkspace(word: string, root: string | undefined): boolean {
  if (word.startsWith("~")) return true;
  if (word.startsWith("/")) {
    if (word === "/dev/null" || word.startsWith("/dev/std") || word === "/tmp" || word.startsWith("/tmp/"))
      return false;
    return root === undefined || !(word === root || word.startsWith(`${root}/`));
  }
  return word.split("/").includes("..");
}
