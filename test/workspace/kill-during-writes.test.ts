import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { editTextFile } from "../../src/workspace/edit-file.js";
import { exitOf } from "../helpers/child-process.js";
import { useCompiledWorkspace } from "./compile-workspace.js";

const worker = fileURLToPath(new URL("./fixtures/endless-writes-worker.mjs", import.meta.url));
const KILLS = 300;
const PARALLEL = 4;
const LINES = 2000;

const workspace = useCompiledWorkspace();

/** Starts a writer, lets it write for a random 0–40 ms after it is ready, then kills it with SIGKILL. */
async function killMidWrite(folder: string): Promise<void> {
  const child = spawn(process.execPath, [worker, workspace.compiled(), folder], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  await new Promise<void>((resolve) => {
    child.stdout.once("data", () => resolve());
    child.once("exit", () => resolve());
  });
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
  child.kill("SIGKILL");
  const { signal } = await exitOf(child);
  // A writer that died by itself (not by our signal) failed: that is a bug, not a crash we caused.
  expect({ signal, stderr }).toEqual({ signal: "SIGKILL", stderr: "" });
}

function expectWhole(text: string, file: string): number {
  const lines = text.split("\n");
  expect(lines.pop(), file).toBe("");
  expect(lines.length, file).toBe(LINES);
  expect(new Set(lines).size, `${file} mixes versions`).toBe(1);
  return Number(lines[0]?.slice(1));
}

describe("kill -9 at random points of writes", () => {
  it(`leaves no torn file after ${KILLS} kills, and no leftover after the next write`, async () => {
    const folders = Array.from({ length: PARALLEL }, (_, index) => join(workspace.directory(), `w${index}`));
    let killed = 0;
    await Promise.all(
      folders.map(async (folder) => {
        await mkdir(folder);
        await writeFile(join(folder, "tasks.md"), `v0\n`.repeat(LINES));
        let last = 0;
        while (killed < KILLS) {
          killed++;
          await killMidWrite(folder);
          // The next write (here, in this process) finds the dead writer's lock and temporaries.
          const edit = await editTextFile(join(folder, "tasks.md"), (current) => {
            const version = expectWhole(current, "tasks.md");
            expect(version).toBeGreaterThanOrEqual(last);
            return `v${version + 1}\n`.repeat(LINES);
          });
          last = expectWhole(edit.after, "tasks.md");
          const names = (await readdir(folder)).sort();
          expect(names.filter((name) => name !== "notes.json")).toEqual(["tasks.md"]);
          if (names.includes("notes.json"))
            expectWhole(await readFile(join(folder, "notes.json"), "utf8"), "notes.json");
        }
      }),
    );
    expect(killed).toBeGreaterThanOrEqual(KILLS);
  }, 600_000);
});
