import { spawn } from "node:child_process";
import { WorkspaceError } from "../workspace-error.js";

export interface RunGitOptions {
  /** The folder git runs in (the repository's top level, so paths are relative to it). */
  readonly cwd: string;
  /** Variables added to the cleaned environment, e.g. `GIT_INDEX_FILE` for a private index. */
  readonly env?: Readonly<Record<string, string>>;
  /** Bytes written to git's standard input, which is closed afterwards. */
  readonly input?: string;
}

/**
 * A git command that ran and failed: its arguments, exit code and what it said. A WorkspaceError, so a
 * surface reports it with a fix like any other failure to read or write the working tree.
 */
export class GitCommandError extends WorkspaceError {
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly stderr: string;

  constructor(args: readonly string[], exitCode: number | null, stderr: string) {
    super({
      code: "io-error",
      message: `git ${args[0] ?? ""} failed (exit ${exitCode ?? "signal"}): ${stderr.trim() || "no message"}`,
      fix: "Fix what git reports (an unreadable file, a full disk, a damaged repository: `git fsck` tells), then run the command again.",
    });
    this.name = "GitCommandError";
    this.args = args;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

/**
 * Variables the user's shell or a git hook may have set that would point git at another repository,
 * index or object store than the one we name; a checkpoint must never follow them.
 */
const INHERITED_GIT_VARIABLES = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_OBJECT_DIRECTORY",
  "GIT_ALTERNATE_OBJECT_DIRECTORIES",
  "GIT_COMMON_DIR",
  "GIT_PREFIX",
  "GIT_NAMESPACE",
  "GIT_GLOB_PATHSPECS",
  "GIT_NOGLOB_PATHSPECS",
  "GIT_ICASE_PATHSPECS",
];

function gitEnvironment(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_GIT_VARIABLES) delete environment[name];
  return {
    ...environment,
    // A file named `*.ts` is that file, never a glob; no prompt ever waits for a terminal; messages in English.
    GIT_LITERAL_PATHSPECS: "1",
    GIT_TERMINAL_PROMPT: "0",
    GIT_OPTIONAL_LOCKS: "0",
    LC_ALL: "C",
    ...extra,
  };
}

/**
 * Runs `git <args>` without a shell and returns its standard output as bytes (paths in `-z` output are
 * not always UTF-8). Fails with {@link GitCommandError} on a non-zero exit, or a WorkspaceError when git
 * itself cannot be started.
 */
export async function runGitBytes(args: readonly string[], options: RunGitOptions): Promise<Buffer> {
  const child = spawn("git", [...args], {
    cwd: options.cwd,
    env: gitEnvironment(options.env),
    stdio: ["pipe", "pipe", "pipe"],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  // git may exit before reading all of its input; the exit code reports that, not an EPIPE.
  child.stdin.on("error", () => undefined);
  child.stdin.end(options.input ?? "");
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  }).catch((error: unknown) => {
    throw new WorkspaceError({
      code: "io-error",
      message: `Could not run git: ${error instanceof Error ? error.message : String(error)}.`,
      fix: "Install git (https://git-scm.com) and make sure it is on the PATH.",
      cause: error,
    });
  });
  if (exitCode !== 0) throw new GitCommandError(args, exitCode, Buffer.concat(stderr).toString("utf8"));
  return Buffer.concat(stdout);
}

/** {@link runGitBytes}, decoded as UTF-8. */
export async function runGit(args: readonly string[], options: RunGitOptions): Promise<string> {
  return (await runGitBytes(args, options)).toString("utf8");
}
