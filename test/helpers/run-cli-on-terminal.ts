import { spawn } from "node:child_process";
import { CLI_PATH } from "./run-cli.js";

/**
 * Runs the built CLI on a pseudo-terminal (util-linux `script`), so stdin and stderr are a TTY as for a person
 * at a keyboard. Each time the output shows `prompt` (counting from the last answer), the next answer is
 * typed. Returns everything the terminal showed and the exit code.
 */
export async function runCliOnTerminal(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string | undefined>; prompt: string; answers: readonly string[] },
): Promise<{ readonly code: number | null; readonly output: string }> {
  const command = [process.execPath, CLI_PATH, ...args].map(shellQuote).join(" ");
  const child = spawn("script", ["-q", "-e", "-c", command, "/dev/null"], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const answers = [...options.answers];
  let output = "";
  let answered = 0;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
    const prompts = output.split(options.prompt).length - 1;
    while (answered < prompts && answers.length > 0) {
      child.stdin.write(`${answers.shift()}\r`);
      answered++;
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, output };
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}
