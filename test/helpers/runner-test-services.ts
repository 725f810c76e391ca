import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { tool } from "ai";
import { z } from "zod";
import { createRunnerServices } from "../../src/engine/runner/create-runner-services.js";
import type { RunnerServices } from "../../src/engine/runner/runner-services.js";

/**
 * The runner's real services (git checkpoints, verification) with two small real tools (write_file and
 * read_file on real files) and a context of the task's text, for tests of the loop itself.
 */
export function runnerTestServices(): RunnerServices {
  return createRunnerServices({
    buildContext: async ({ spec, taskId }) => `Spec ${spec}, task ${taskId}.`,
    createTools: ({ root }) => ({
      write_file: tool({
        description: "Write a file",
        inputSchema: z.object({ path: z.string(), content: z.string() }),
        execute: async ({ path, content }) => {
          await mkdir(dirname(join(root, path)), { recursive: true });
          await writeFile(join(root, path), content);
          return { written: path };
        },
      }),
      read_file: tool({
        description: "Read a file",
        inputSchema: z.object({ path: z.string() }),
        execute: async ({ path }) => readFile(join(root, path), "utf8"),
      }),
    }),
  });
}
