import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_SUCCESS } from "../exit-codes.js";
import { parseParallel } from "./run-waves-output.js";

export interface CiGithubOptions extends CommonOptions {
  readonly spec?: string;
  readonly check?: boolean;
  readonly runWaves?: boolean;
  readonly parallel?: string;
  readonly force?: boolean;
}

/** `specwright ci github`: the workflows, written; one line per file (or one JSON document). */
export async function ciGithubCommand(options: CiGithubOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const { writeGithubWorkflows } = await import("../../engine/ci/write-github-workflows.js");
    const parallel = parseParallel(options.parallel);
    const written = await writeGithubWorkflows({
      cwd: process.cwd(),
      ...(options.root ? { root: options.root } : {}),
      ...(options.spec ? { spec: options.spec } : {}),
      check: options.check === true,
      runWaves: options.runWaves === true,
      ...(parallel !== undefined ? { parallel } : {}),
      force: options.force === true,
    });
    if (options.json === true) printJson({ ok: true, workflows: written });
    else for (const file of written) process.stdout.write(`${file.status} ${file.path}\n`);
    return EXIT_SUCCESS;
  });
}
