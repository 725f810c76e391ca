import { spawn } from "node:child_process";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type KiroWatcher, watchKiroFolder } from "../../src/workspace/watch-files.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-watch-");
let watcher: KiroWatcher | undefined;
afterEach(() => {
  watcher?.close();
  watcher = undefined;
});

/** Collects batches until one contains `path`. */
function waitForPath(root: string, path: string): { batches: (readonly string[])[]; seen: Promise<void> } {
  const batches: (readonly string[])[] = [];
  const seen = new Promise<void>((resolve) => {
    watcher = watchKiroFolder(
      root,
      (paths) => {
        batches.push(paths);
        if (paths.includes(path)) resolve();
      },
      { debounceMs: 20 },
    );
  });
  return { batches, seen };
}

describe("watchKiroFolder", () => {
  it("reports changed files under .kiro/ relative to the root, each once per batch", async () => {
    await writeTree(temp(), { ".kiro/specs/a/tasks.md": "# Implementation Plan\n" });
    const { batches, seen } = waitForPath(temp(), ".kiro/specs/a/tasks.md");
    const file = join(temp(), ".kiro/specs/a/tasks.md");
    await writeFile(file, "# Implementation Plan\n\n- [ ] 1. One\n");
    await writeFile(file, "# Implementation Plan\n\n- [ ] 1. One\n- [ ] 2. Two\n");
    await seen;
    const batch = batches.find((paths) => paths.includes(".kiro/specs/a/tasks.md")) ?? [];
    expect(batch.filter((path) => path === ".kiro/specs/a/tasks.md")).toHaveLength(1);
    expect(batch.every((path) => path.startsWith(".kiro/"))).toBe(true);
  });

  it("sees files in a spec folder created after the watch started", async () => {
    await writeTree(temp(), { ".kiro/specs/": "" });
    const { seen } = waitForPath(temp(), ".kiro/specs/new/requirements.md");
    await mkdir(join(temp(), ".kiro/specs/new"));
    // The new folder must be watched before its file counts; give the watcher a beat by writing twice.
    await writeFile(join(temp(), ".kiro/specs/new/requirements.md"), "# Requirements Document\n");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writeFile(join(temp(), ".kiro/specs/new/requirements.md"), "# Requirements Document\n\n");
    await seen;
  });

  it("starts watching .kiro/ when it appears after the watch started", async () => {
    const batches: (readonly string[])[] = [];
    let listener: (() => void) | undefined;
    watcher = watchKiroFolder(
      temp(),
      (paths) => {
        batches.push(paths);
        listener?.();
      },
      { debounceMs: 20 },
    );
    const until = (path: string) =>
      new Promise<void>((resolve) => {
        listener = () => batches.some((paths) => paths.includes(path)) && resolve();
        listener();
      });
    await mkdir(join(temp(), ".kiro"));
    await until(".kiro");
    // The same watcher now sees inside the new .kiro/.
    await writeTree(temp(), { ".kiro/steering/tech.md": "# Tech\n" });
    await until(".kiro/steering/tech.md");
  });

  it("keeps watching when folders vanish while the watch scans them (the temporary folders of locks)", async () => {
    await writeTree(temp(), { ".kiro/specs/a/tasks.md": "# Implementation Plan\n" });
    const errors: Error[] = [];
    const batches: (readonly string[])[] = [];
    watcher = watchKiroFolder(temp(), (paths) => batches.push(paths), {
      debounceMs: 20,
      onError: (error) => errors.push(error),
    });
    await sleep(100);
    // Another process takes and drops locks as fast as it can: Node's recursive watch on Linux scans each new
    // folder, and one already deleted then fails the scan with ENOENT.
    const folder = join(temp(), ".kiro/specs/a");
    const churn = `const fs = require("node:fs"); const end = Date.now() + 1000; let i = 0;
      while (Date.now() < end) { const lock = ${JSON.stringify(folder)} + "/.tasks.md.lock.new." + i++;
        fs.mkdirSync(lock); fs.writeFileSync(lock + "/owner", "1"); fs.rmSync(lock, { recursive: true }); }`;
    await new Promise((resolve) => spawn(process.execPath, ["-e", churn]).on("exit", resolve));
    await sleep(200);
    batches.length = 0;
    await writeFile(join(folder, "tasks.md"), "# Implementation Plan\n\n- [ ] 1. One\n");
    await vi.waitFor(() => expect(batches.flat()).toContain(".kiro/specs/a/tasks.md"), { timeout: 3000 });
    expect(errors).toEqual([]);
  });

  it("still sees in-place saves of a file an atomic rename replaced (as Specwright writes)", async () => {
    await writeTree(temp(), { ".kiro/specs/a/tasks.md": "# Implementation Plan\n" });
    const batches: (readonly string[])[] = [];
    watcher = watchKiroFolder(temp(), (paths) => batches.push(paths), { debounceMs: 20 });
    await sleep(100);
    const file = join(temp(), ".kiro/specs/a/tasks.md");
    await writeFile(`${file}.new`, "# Implementation Plan\n\n- [ ] 1. One\n");
    await rename(`${file}.new`, file);
    await vi.waitFor(() => expect(batches.flat()).toContain(".kiro/specs/a/tasks.md"), { timeout: 3000 });
    await sleep(200);
    batches.length = 0;
    await writeFile(file, "# Implementation Plan\n\n- [x] 1. One\n");
    await vi.waitFor(() => expect(batches.flat()).toContain(".kiro/specs/a/tasks.md"), { timeout: 3000 });
  });

  it("calls nothing after close", async () => {
    await writeTree(temp(), { ".kiro/specs/": "" });
    const batches: (readonly string[])[] = [];
    watcher = watchKiroFolder(temp(), (paths) => batches.push(paths), { debounceMs: 20 });
    watcher.close();
    await writeTree(temp(), { ".kiro/specs/a/tasks.md": "x" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(batches).toEqual([]);
  });
});
