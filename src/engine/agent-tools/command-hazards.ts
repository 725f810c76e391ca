import picomatch from "picomatch/posix.js";
import type { ShellSegment } from "./shell-segments.js";

/** Variables a command may be given inline without a question: they change output, not what runs. */
const PLAIN_ASSIGNMENTS = new Set([
  "CI",
  "NODE_ENV",
  "FORCE_COLOR",
  "NO_COLOR",
  "TZ",
  "LANG",
  "LC_ALL",
  "DEBUG",
  "TERM",
]);
/** Names of secret files as the shell would expand a glob against them (see secret-files.ts). */
const SECRET_NAME_SAMPLES = [
  ".env",
  ".env.local",
  "id_rsa",
  "id_ed25519",
  "server.pem",
  "server.key",
  ".npmrc",
  ".netrc",
  "credentials",
  "credentials.json",
  "secrets.json",
  ".git-credentials",
  "prod.tfvars",
  "store.p12",
];

/**
 * Why a segment a built-in allow pattern would let through must be asked about instead: tools on the list
 * that run other commands or write files when given certain arguments (awk `system`, sed `e` and `w`,
 * `make --eval`, `git grep -O`, `git diff --output`), inline variables that change what a program runs
 * (`GIT_EXTERNAL_DIFF=…`), and words the shell expands to names this reading cannot see (`cat $V`, `.e*`).
 * The operating-system sandbox is the boundary; this keeps the list honest about what it cannot judge.
 */
export function builtInAskReason(segment: ShellSegment): string | undefined {
  const [program = "", ...args] = segment.words;
  const name = program.slice(program.lastIndexOf("/") + 1);
  const assigned = segment.assignments.find((variable) => !PLAIN_ASSIGNMENTS.has(variable));
  if (assigned !== undefined) return `an inline variable that can change what runs (${assigned}=…)`;
  if (segment.hasExpansion) return "a variable expansion the policy cannot see into";
  const glob = segment.globWords.find(couldNameSecret);
  if (glob !== undefined) return `a glob that could name a secret file (${glob})`;
  if (name === "awk" || name === "gawk" || name === "mawk" || name === "nawk") return awkHazard(args);
  if (name === "sed") return sedHazard(args);
  if (name === "make" && args.some((word) => word === "-E" || word.startsWith("--eval"))) return "make --eval";
  if (name === "git") return gitHazard(args);
  if (
    name === "find" &&
    args.some((word) => /^-(exec|execdir|ok|okdir|fprint|fprint0|fprintf|fls|delete)$/.test(word))
  ) {
    return "find running commands or writing files";
  }
  return undefined;
}

function couldNameSecret(glob: string): boolean {
  const base = glob.slice(glob.lastIndexOf("/") + 1);
  if (base === "") return false;
  // A shell glob matches a leading dot only when it starts with one.
  const matches = picomatch(base, { dot: base.startsWith(".") });
  return SECRET_NAME_SAMPLES.some((sample) => matches(sample));
}

function awkHazard(args: readonly string[]): string | undefined {
  const program = args.find((word) => !word.startsWith("-"));
  if (args.some((word) => word === "-f" || word.startsWith("--file"))) return "awk running a program file";
  if (
    program !== undefined &&
    /\bsystem\s*\(|\|\s*getline|getline\s*<|\bprint[f]?\b[^;}]*(>|\|)|\bclose\s*\(/.test(program)
  ) {
    return "awk running commands or writing files";
  }
  return undefined;
}

function sedHazard(args: readonly string[]): string | undefined {
  if (args.some((word) => word === "-f" || word.startsWith("--file"))) return "sed running a script file";
  const scripts: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const word = args[index] ?? "";
    if (word === "-e" || word === "--expression") scripts.push(args[index + 1] ?? "");
    else if (word.startsWith("--expression=")) scripts.push(word.slice("--expression=".length));
  }
  if (scripts.length === 0) {
    const first = args.find((word) => !word.startsWith("-"));
    if (first !== undefined) scripts.push(first);
  }
  return scripts.some(sedScriptRunsOrWrites) ? "sed running commands or writing files (e, w, r)" : undefined;
}

/** Whether a sed script has an `e`, `w`, `W`, `r` or `R` command, or an `s` with the `e` or `w` flag. */
export function sedScriptRunsOrWrites(script: string): boolean {
  let rest = script.replace(
    /s(.)((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1([A-Za-z0-9]*)/g,
    (_all, _d, _p, _r, flags: string) => (/[ew]/.test(flags) ? "e" : "s"),
  );
  rest = rest.replace(/\/(?:\\.|[^/])*\//g, "").replace(/\\(.)(?:\\.|(?!\1).)*\1/g, "");
  rest = rest.replace(/y(.)(?:\\.|(?!\1).)*\1(?:\\.|(?!\1).)*\1/g, "y");
  return /(^|[;{}\s\d$,!])[ewWrR]/.test(rest);
}

function gitHazard(args: readonly string[]): string | undefined {
  if (args[0] === "-c" || args.some((word) => word.startsWith("--config-env") || word.startsWith("--exec-path"))) {
    return "git with configuration from the command line";
  }
  if (args.some((word) => word === "-O" || word.startsWith("-O") || word.startsWith("--open-files-in-pager"))) {
    return "git grep opening a pager command";
  }
  if (args.some((word) => word.startsWith("--output") || word === "--ext-diff" || word.startsWith("--textconv"))) {
    return "git writing a file or running an external diff";
  }
  return undefined;
}
