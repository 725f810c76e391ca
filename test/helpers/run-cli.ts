import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { captureOutput } from "./captured-output.js";

/** The built CLI; `npm test` builds before running the suite. */
export const CLI_PATH = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

const TEST_CACHE = join(tmpdir(), `specwright-test-cache-${process.pid}`);

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `specwright` in `cwd`, as a user would: a real process, real files. */
export async function runCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<CliResult> {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build\` (npm test does).`);
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    cwd: options.cwd,
    // The check cache goes to a folder of this test run, never to the user's own cache.
    env: {
      ...process.env,
      NO_COLOR: undefined,
      FORCE_COLOR: undefined,
      SPECWRIGHT_CACHE_DIR: TEST_CACHE,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = captureOutput(child);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stdout: output.stdout(), stderr: output.stderr() };
}

/** Parses stdout as the single JSON document `--json` promises (fails the test if it is not one). */
export function jsonOf(result: CliResult): Record<string, unknown> {
  const value: unknown = JSON.parse(result.stdout);
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not a JSON object");
  return value as Record<string, unknown>;
}
