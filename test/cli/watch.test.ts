import { appendFile, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { commandHookFile, legacyCommandHook } from "../helpers/hook-files.js";
import { isAlive } from "../helpers/process-probe.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";
import { processesWith, startWatch, type WatchProcess } from "../helpers/watch-process.js";

/** The hook appends its payload's file to runs.txt: one line per run. */
const RECORD_RUN =
  'mkdir -p out && echo "$SPECWRIGHT_HOOK_EVENT $SPECWRIGHT_HOOK_FILE" >> out/runs.txt && cat >> out/stdin.jsonl';

async function runsOf(root: string): Promise<string[]> {
  try {
    return (await readFile(join(root, "out/runs.txt"), "utf8")).trim().split("\n");
  } catch {
    return [];
  }
}

describe("specwright watch (end to end, real files and processes)", () => {
  const directory = useTempDirectory("specwright-watch-");
  let watch: WatchProcess | undefined;
  afterEach(async () => {
    if (watch !== undefined && watch.child.exitCode === null && watch.child.signalCode === null) {
      watch.child.kill("SIGTERM");
      await new Promise((resolve) => watch?.child.once("close", resolve));
    }
    watch = undefined;
  });

  it("runs a save hook once for five writes in 100 ms, with the path in its payload; sees atomic-rename saves and new folders", async () => {
    await writeTree(directory(), {
      "src/a.ts": "export const a = 1;\n",
      "node_modules/dep/index.ts": "",
      ".kiro/hooks/on-save.kiro.hook": legacyCommandHook({
        name: "On Save",
        type: "fileEdited",
        patterns: ["src/**/*.ts"],
        command: RECORD_RUN,
      }),
    });
    watch = await startWatch(directory());
    for (let write = 0; write < 5; write++) {
      await appendFile(join(directory(), "src/a.ts"), `// ${write}\n`);
      await sleep(20);
    }
    await watch.waitFor((event) => event.type === "hook-end");
    // Generous: a second run would have started well within this.
    await sleep(1000);
    expect(await runsOf(directory())).toEqual(["file-saved src/a.ts"]);
    const stdin = JSON.parse((await readFile(join(directory(), "out/stdin.jsonl"), "utf8")).trim()) as Record<
      string,
      unknown
    >;
    expect(stdin).toMatchObject({ event: "file-saved", file: "src/a.ts", hook: "On Save" });

    // An editor's save: a temp file written, then renamed over the original.
    await writeFile(join(directory(), "src/.a.ts.swp"), "export const a = 2;\n");
    await rename(join(directory(), "src/.a.ts.swp"), join(directory(), "src/a.ts"));
    await watch.waitFor((event) => event.type === "hook-end", 2);
    // Ignored: dependency folders, and the hook's own output (not a .ts file under src/).
    await writeFile(join(directory(), "node_modules/dep/index.ts"), "changed\n");
    // A folder created while watching.
    await mkdir(join(directory(), "src/feature/deep"), { recursive: true });
    await writeFile(join(directory(), "src/feature/deep/b.ts"), "export const b = 1;\n");
    await sleep(400);
    await appendFile(join(directory(), "src/feature/deep/b.ts"), "// saved\n");
    await watch.waitFor((event) => event.type === "hook-end", 3);
    await sleep(600);
    expect(await runsOf(directory())).toEqual([
      "file-saved src/a.ts",
      "file-saved src/a.ts",
      "file-saved src/feature/deep/b.ts",
    ]);
    const log = (await readFile(join(directory(), ".kiro/specwright/hooks.jsonl"), "utf8")).trim().split("\n");
    expect(log).toHaveLength(3);
  });

  it("stops a hook whose own writes trigger it again, and reports it", async () => {
    await writeTree(directory(), {
      "src/a.ts": "",
      ".kiro/hooks/self.json": commandHookFile({
        name: "self-feeding",
        trigger: "PostFileSave",
        matcher: "^src/.*\\.ts$",
        command: 'echo "// again" >> src/a.ts; echo run >> runs.log',
      }),
    });
    watch = await startWatch(directory());
    await appendFile(join(directory(), "src/a.ts"), "// first\n");
    const [loop] = await watch.waitFor((event) => event.type === "hook-loop");
    expect(loop).toMatchObject({ hook: "self-feeding", files: ["src/a.ts"] });
    const runs = (await readFile(join(directory(), "runs.log"), "utf8")).trim().split("\n").length;
    await sleep(1000);
    expect((await readFile(join(directory(), "runs.log"), "utf8")).trim().split("\n").length).toBe(runs);
    expect(runs).toBeLessThanOrEqual(3);
  });

  it("kill -9 of watch leaves no hook process behind", async () => {
    const marker = `${Math.floor(Math.random() * 1e6)}.25`;
    await writeTree(directory(), {
      "src/a.ts": "",
      ".kiro/hooks/slow.json": commandHookFile({
        name: "slow",
        trigger: "PostFileSave",
        command: `touch started; exec sleep ${marker}`,
      }),
    });
    watch = await startWatch(directory());
    await appendFile(join(directory(), "src/a.ts"), "// go\n");
    await watch.waitFor((event) => event.type === "hook-start");
    for (let attempt = 0; attempt < 200 && (await processesWith(`sleep ${marker}`)).length === 0; attempt++)
      await sleep(25);
    expect((await processesWith(`sleep ${marker}`)).length).toBeGreaterThan(0);
    const pid = watch.child.pid ?? 0;
    watch.child.kill("SIGKILL");
    expect(await isAlive(pid, { waitForExit: true })).toBe(false);
    for (let attempt = 0; attempt < 100 && (await processesWith(`sleep ${marker}`)).length > 0; attempt++)
      await sleep(50);
    expect(await processesWith(`sleep ${marker}`)).toEqual([]);
  });

  it("SIGTERM stops watch and the hook it is running", async () => {
    const marker = `${Math.floor(Math.random() * 1e6)}.75`;
    await writeTree(directory(), {
      "src/a.ts": "",
      ".kiro/hooks/slow.json": commandHookFile({
        name: "slow",
        trigger: "PostFileSave",
        command: `exec sleep ${marker}`,
      }),
    });
    watch = await startWatch(directory());
    await appendFile(join(directory(), "src/a.ts"), "// go\n");
    await watch.waitFor((event) => event.type === "hook-start");
    for (let attempt = 0; attempt < 200 && (await processesWith(`sleep ${marker}`)).length === 0; attempt++)
      await sleep(25);
    watch.child.kill("SIGTERM");
    const code = await new Promise((resolve) => watch?.child.once("close", resolve));
    expect(code).toBe(0);
    expect(watch.events.at(-1)).toEqual({ type: "stopped" });
    expect(await processesWith(`sleep ${marker}`)).toEqual([]);
  });
});
