import { type ChildProcess, spawn } from "node:child_process";

/** The pid of a Node process that has already exited (and been reaped), for stale-lock tests. */
export async function pidOfExitedProcess(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start node");
  await exitOf(child);
  return pid;
}

/** A Node process that stays alive until killed. */
export function startIdleProcess(): ChildProcess & { pid: number } {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  if (child.pid === undefined) throw new Error("could not start node");
  return Object.assign(child, { pid: child.pid });
}

export interface ProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <args>` (with `env` added to this process's environment) and collects its output. */
export async function runNode(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  const child = spawn(process.execPath, [...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const { code, signal } = await exitOf(child);
  return { code, signal, stdout, stderr };
}

export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal }));
  });
}
