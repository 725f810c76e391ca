import { spawn } from "node:child_process";

/** When the output (so far, since the last answer) contains `when`, type `send` and Enter. */
export interface TerminalAnswer {
  readonly when: string;
  readonly send: string;
}

export interface TerminalResult {
  readonly code: number | null;
  /** Everything the program wrote to the terminal, escape codes included. */
  readonly output: string;
}

/**
 * Runs a command on a pseudo-terminal (util-linux `script`), so stdin and stdout are TTYs as for a person,
 * and answers its prompts in order. Only for Linux, where `script -qfec` behaves this way.
 */
export async function runInTerminal(
  argv: readonly string[],
  options: {
    readonly cwd: string;
    readonly env?: Record<string, string | undefined>;
    readonly answers: readonly TerminalAnswer[];
  },
): Promise<TerminalResult> {
  const command = argv.map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
  const child = spawn("script", ["-qfec", command, "/dev/null"], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const pending = [...options.answers];
  let output = "";
  let answeredAt = 0;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
    const next = pending[0];
    if (next && output.slice(answeredAt).includes(next.when)) {
      pending.shift();
      answeredAt = output.length;
      child.stdin.write(`${next.send}\r`);
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (pending.length > 0) throw new Error(`No prompt "${pending[0]?.when}" came; the terminal showed:\n${output}`);
  return { code, output };
}
