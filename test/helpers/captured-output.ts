import type { ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";

/** What a child process wrote so far, read while it runs or after it ended. */
export interface CapturedOutput {
  stdout(): string;
  stderr(): string;
}

/** Collects a piped child's stdout and stderr as UTF-8 text. */
export function captureOutput(child: ChildProcessByStdio<Writable | null, Readable, Readable>): CapturedOutput {
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return { stdout: () => stdout, stderr: () => stderr };
}
