import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runNode } from "../helpers/child-process.js";
import { useCompiledWorkspace } from "./compile-workspace.js";

const worker = fileURLToPath(new URL("./fixtures/lock-counter-worker.mjs", import.meta.url));

const workspace = useCompiledWorkspace();

describe("the file lock across many processes", () => {
  // Short-lived processes, one after the other in each lane: a lock often outlives its holder's exit by
  // a moment as seen by a waiter, which is exactly when a stale-lock take-over can go wrong.
  it.each([
    [24, 4, 3],
    [64, 2, 2],
  ])(
    "admits one holder at a time: %i lanes of %i processes × %i increments of one counter lose nothing",
    async (lanes, processesPerLane, increments) => {
      const processes = lanes;
      const counter = join(workspace.directory(), `counter-${processes}`);
      await writeFile(counter, "0");

      const results = await Promise.all(
        Array.from({ length: lanes }, async () => {
          const laneResults = [];
          for (let run = 0; run < processesPerLane; run++) {
            laneResults.push(await runNode([worker, workspace.compiled(), counter, String(increments)]));
          }
          return laneResults;
        }),
      );

      // No `locked` failure either: every process finished all its increments.
      for (const result of results.flat()) expect(result).toMatchObject({ code: 0, stdout: "done\n", stderr: "" });
      expect(Number(await readFile(counter, "utf8"))).toBe(lanes * processesPerLane * increments);
      const leftovers = (await readdir(workspace.directory())).filter((name) => name.includes(`counter-${processes}`));
      expect(leftovers).toEqual([`counter-${processes}`]);
    },
    240_000,
  );
});
