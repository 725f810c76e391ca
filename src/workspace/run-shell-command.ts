import { type ChildProcessByStdio, spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import type { Readable, Writable } from "node:stream";
import { mapFileSystemError } from "./map-file-system-error.js";
import { OutputCollector } from "./truncate-output.js";
import { WorkspaceError } from "./workspace-error.js";

/** After SIGTERM, how long a process group gets to exit before SIGKILL. */
const DEFAULT_KILL_GRACE_MS = 2000;
/** How long to wait for pipes to close once the shell is gone and its group killed (a setsid escapee). */
const PIPE_DRAIN_MS = 1000;

export interface RunShellCommandOptions {
  /** A command line for `/bin/sh -c`. */
  readonly command: string;
  readonly cwd: string;
  readonly timeoutMs: number;
  /** Output beyond this many bytes is cut in the middle (see truncateOutput). */
  readonly maxOutputBytes: number;
  /** The whole environment of the command: nothing is inherited that is not here (scrub it first). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborting kills the command's process group like a time-out does. */
  readonly signal?: AbortSignal;
  /** Grace between SIGTERM and SIGKILL; default 2 s. */
  readonly killGraceMs?: number;
  /** A program the shell runs under (an OS sandbox): `file args… /bin/sh -c command`. */
  readonly launcher?: { readonly file: string; readonly args: readonly string[] };
  /** Written to the command's stdin, which is then closed (hooks get their event this way); default: no stdin. */
  readonly input?: string;
  /** Also keep stderr on its own (`stderr` in the result), capped like the output. */
  readonly captureStderr?: boolean;
}

export interface ShellCommandResult {
  /** The shell's exit code; null when it was killed by a signal. */
  readonly exitCode: number | null;
  /** The signal that ended the shell (e.g. "SIGTERM" after a time-out), else null. */
  readonly signal: string | null;
  readonly timedOut: boolean;
  /** stdout and stderr interleaved in the order they arrived; the middle cut with a note when long. */
  readonly output: string;
  readonly truncated: boolean;
  readonly durationMs: number;
  /** stderr alone, when `captureStderr` asked for it. */
  readonly stderr?: string;
}

/**
 * Runs a shell command in its own process group, so that a time-out or an abort ends the command and
 * everything it started (a test runner's workers, a server it backgrounded), not just the shell. Processes
 * the command left running in the background are ended when the shell exits, so nothing outlives a step.
 * A command that fails is a result, not an exception; only a missing `cwd` throws (WorkspaceError).
 */
export async function runShellCommand(options: RunShellCommandOptions): Promise<ShellCommandResult> {
  await assertDirectory(options.cwd);
  const started = performance.now();
  const collector = new OutputCollector(options.maxOutputBytes);
  const shell = ["/bin/sh", "-c", options.command];
  const [file, ...args] = options.launcher ? [options.launcher.file, ...options.launcher.args, ...shell] : shell;
  const child = spawn(file ?? "/bin/sh", args, {
    cwd: options.cwd,
    env: definedEntries(options.env),
    detached: true,
    stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  }) as ChildProcessByStdio<Writable | null, Readable, Readable>;
  const pid = child.pid;
  const stderrCollector = options.captureStderr === true ? new OutputCollector(options.maxOutputBytes) : undefined;
  child.stdout.on("data", (chunk: Buffer) => collector.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => {
    collector.push(chunk);
    stderrCollector?.push(chunk);
  });
  if (options.input !== undefined && child.stdin !== null) {
    // A command that never reads its stdin closes the pipe early: that is its choice, not a failure.
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input);
  }

  let timedOut = false;
  let escalation: NodeJS.Timeout | undefined;
  const stopGroup = () => {
    if (pid === undefined || escalation !== undefined) return;
    killGroup(pid, "SIGTERM");
    escalation = setTimeout(() => killGroup(pid, "SIGKILL"), options.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stopGroup();
  }, options.timeoutMs);
  const onAbort = () => stopGroup();
  if (options.signal?.aborted === true) stopGroup();
  else options.signal?.addEventListener("abort", onAbort, { once: true });

  try {
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code, signal) => resolve({ code, signal }));
    });
    // The shell is gone; whatever it left in its group is a stray (a backgrounded server, a hung worker).
    if (pid !== undefined) killGroup(pid, "SIGKILL");
    await pipesClosed(child.stdout, child.stderr);
    const output = collector.finish();
    return {
      exitCode: exit.code,
      signal: exit.signal,
      timedOut,
      output: output.text,
      truncated: output.truncated,
      durationMs: Math.round(performance.now() - started),
      ...(stderrCollector !== undefined ? { stderr: stderrCollector.finish().text } : {}),
    };
  } finally {
    clearTimeout(timer);
    if (escalation !== undefined) clearTimeout(escalation);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // A negative pid addresses the whole process group the detached shell leads.
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone, which is what we wanted.
  }
}

function pipesClosed(...streams: Readable[]): Promise<void> {
  const closed = streams.map((stream) =>
    stream.closed ? Promise.resolve() : new Promise<void>((resolve) => stream.once("close", () => resolve())),
  );
  return new Promise((resolve) => {
    // A process that left the group (setsid) may hold a pipe open forever; do not wait for it.
    const timer = setTimeout(() => {
      for (const stream of streams) stream.destroy();
      resolve();
    }, PIPE_DRAIN_MS);
    void Promise.all(closed).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function definedEntries(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) result[name] = value;
  return result;
}

async function assertDirectory(cwd: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(cwd)).isDirectory();
  } catch (error) {
    throw mapFileSystemError(error, cwd, "read");
  }
  if (!isDirectory) {
    throw new WorkspaceError({
      code: "not-a-file",
      message: `Cannot run a command in ${cwd}: it is not a directory.`,
      fix: "Pass a directory as the working directory.",
      path: cwd,
    });
  }
}
