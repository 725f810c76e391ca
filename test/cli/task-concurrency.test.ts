import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTasks } from "../../src/model/tasks/parse-tasks.js";
import { runCli } from "../helpers/run-cli.js";
import { independentTasks } from "../helpers/task-flips.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

describe("specwright task from many processes at once", () => {
  const directory = useTempDirectory();

  it.each([
    [24, ["done", "in-progress"]],
    [64, ["done"]],
  ])(
    "%i processes flipping different tasks of one tasks.md lose no update and never fail with `locked`",
    async (processes, statuses) => {
      await writeTree(directory(), { ".kiro/specs/load/tasks.md": independentTasks(processes) });

      // Each process walks its own task through the statuses, one CLI call after the other.
      const results = await Promise.all(
        Array.from({ length: processes }, async (_, index) => {
          const calls = [];
          for (const status of statuses) {
            calls.push(await runCli(["task", "load", String(index + 1), "--status", status], { cwd: directory() }));
          }
          return calls;
        }),
      );

      for (const result of results.flat()) expect(result).toMatchObject({ code: 0, stderr: "" });
      const tasks = parseTasks(await readFile(join(directory(), ".kiro/specs/load/tasks.md"), "utf8")).tasks;
      expect(tasks.map((task) => task.status)).toEqual(Array(processes).fill(statuses.at(-1)));
      expect(await readdir(join(directory(), ".kiro/specs/load"))).toEqual(["tasks.md"]);
    },
    300_000,
  );
});
