import { spawn } from "node:child_process";
import { WorkspaceError } from "../workspace-error.js";
import { gitEnvironment } from "./git-environment.js";
import { configEnvironment, driverOverrides, HARDENED_GIT_CONFIG } from "./hardened-git-options.js";

export interface RunGitOptions {
  /** The folder git runs in (the repository's top level, so paths are relative to it). */
  readonly cwd: string;
  /** Variables added to the scrubbed environment, e.g. `GIT_INDEX_FILE` for a private index. */
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
 * The filter and diff-driver keys the repository's own configuration (and what it includes) names, read
 * with git itself under the hardened environment, so each can be emptied. None outside a repository.
 */
async function configuredDriverKeys(cwd: string): Promise<string[]> {
  const output = await spawnGit(
    ["config", "--null", "--name-only", "--get-regexp", "^(filter|diff)\\."],
    cwd,
    gitEnvironment(process.env, configEnvironment(HARDENED_GIT_CONFIG)),
    "",
  ).catch(() => undefined);
  if (output === undefined || output.exitCode !== 0) return [];
  return output.stdout
    .toString("utf8")
    .split("\u0000")
    .filter((key) => key !== "");
}

/**
 * Runs `git <args>` without a shell and returns its standard output as bytes (paths in `-z` output are
 * not always UTF-8). Fails with {@link GitCommandError} on a non-zero exit, or a WorkspaceError when git
 * itself cannot be started.
 */
export async function runGitBytes(args: readonly string[], options: RunGitOptions): Promise<Buffer> {
  const config = [...HARDENED_GIT_CONFIG, ...driverOverrides(await configuredDriverKeys(options.cwd))];
  const environment = gitEnvironment(process.env, { ...configEnvironment(config), ...options.env });
  const { exitCode, stderr, stdout } = await spawnGit(args, options.cwd, environment, options.input ?? "");
  if (exitCode !== 0) throw new GitCommandError(args, exitCode, stderr.toString("utf8"));
  return stdout;
}

/** git itself, without a shell; `--no-pager` and no terminal, so nothing waits for a person. */
async function spawnGit(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>>,
  input: string,
): Promise<{ exitCode: number | null; stdout: Buffer; stderr: Buffer }> {
  const child = spawn("git", ["--no-pager", ...args], { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  // git may exit before reading all of its input; the exit code reports that, not an EPIPE.
  child.stdin.on("error", () => undefined);
  child.stdin.end(input);
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
  return { exitCode, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) };
}

/** {@link runGitBytes}, decoded as UTF-8. */
export async function runGit(args: readonly string[], options: RunGitOptions): Promise<string> {
  return (await runGitBytes(args, options)).toString("utf8");
}
