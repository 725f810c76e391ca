import { spawn } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
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
 * `include` keys are listed too: a configuration that includes other files is never cached.
 */
async function configuredDriverKeys(cwd: string): Promise<string[]> {
  const output = await spawnGit(
    ["config", "--null", "--name-only", "--get-regexp", "^(filter|diff|include|includeif)\\."],
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

/** The keys last read in a folder, and the identity of the configuration files they were read from. */
const driverKeysRead = new Map<string, { readonly stamp: string; readonly keys: readonly string[] }>();

/**
 * {@link configuredDriverKeys}, read again only when a configuration file git reads there changed (its
 * inode, size or modification time): a wave of tasks runs hundreds of git commands, and asking git for
 * the keys before each one doubled the processes started. Where the files cannot be known for sure (a
 * folder below the top level, a configuration with includes), git is asked every time.
 */
async function driverKeys(cwd: string): Promise<readonly string[]> {
  const stamp = await configurationStamp(cwd);
  const known = stamp === undefined ? undefined : driverKeysRead.get(cwd);
  if (known !== undefined && known.stamp === stamp) return known.keys;
  const keys = await configuredDriverKeys(cwd);
  if (stamp !== undefined && !keys.some((key) => /^include/i.test(key))) driverKeysRead.set(cwd, { stamp, keys });
  return keys;
}

/**
 * Which configuration files git reads in `cwd` (system and global ones are off): the repository's
 * `config` and the worktree's `config.worktree`, found from `cwd/.git` (a folder, or a linked worktree's
 * `gitdir:` file) and stamped. Undefined when `cwd` is not a top level.
 */
async function configurationStamp(cwd: string): Promise<string | undefined> {
  try {
    const dotGit = join(cwd, ".git");
    const kind = await stat(dotGit);
    let gitDirectory = dotGit;
    let commonDirectory = dotGit;
    if (kind.isFile()) {
      const pointer = /^gitdir: (.+)$/m.exec(await readFile(dotGit, "utf8"))?.[1]?.trim();
      if (pointer === undefined) return undefined;
      gitDirectory = resolve(cwd, pointer);
      const common = (await readFile(join(gitDirectory, "commondir"), "utf8")).trim();
      commonDirectory = resolve(gitDirectory, common);
    } else if (!kind.isDirectory()) return undefined;
    const files = [join(commonDirectory, "config"), join(gitDirectory, "config.worktree")];
    const stamps = await Promise.all(
      files.map(async (file) => {
        const found = await stat(file, { bigint: true }).catch(() => undefined);
        return found === undefined ? `${file}:none` : `${file}:${found.ino}:${found.size}:${found.mtimeNs}`;
      }),
    );
    return stamps.join("|");
  } catch {
    return undefined;
  }
}

/**
 * Runs `git <args>` without a shell and returns its standard output as bytes (paths in `-z` output are
 * not always UTF-8). Fails with {@link GitCommandError} on a non-zero exit, or a WorkspaceError when git
 * itself cannot be started.
 */
export async function runGitBytes(args: readonly string[], options: RunGitOptions): Promise<Buffer> {
  const config = [...HARDENED_GIT_CONFIG, ...driverOverrides(await driverKeys(options.cwd))];
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
