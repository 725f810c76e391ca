import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { git } from "../helpers/git-repository.js";
import { CLI_PATH, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";
import {
  CONFLICT_TASKS,
  createWaveProject,
  moduleFiles,
  scriptedAgent,
  sharedFiles,
  WAVE_TASKS,
} from "../helpers/wave-project.js";

const TASKS = ".kiro/specs/waves/tasks.md";

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("specwright run --parallel (end to end, fake model, real git)", () => {
  const directory = useTempDirectory("specwright-waves-cli-");
  const model = useCliWithFakeModel(directory, "openai-compatible:fake");

  it("prints the waves with --dry-run, as text and as one JSON document", async () => {
    await createWaveProject(directory(), WAVE_TASKS);
    const text = await runCli(["run", "waves", "--all", "--parallel", "3", "--dry-run"], { cwd: directory() });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("wave 1: 1, 2\n");
    expect(text.stdout).toContain("wave 2: 3, 4, 5\n");
    expect(text.stdout).toContain("wave 3: 6\n");
    const json = await runCli(["run", "waves", "--all", "--parallel", "3", "--dry-run", "--json"], {
      cwd: directory(),
    });
    expect(json.code).toBe(0);
    const document = JSON.parse(json.stdout) as { waves: { taskIds: string[] }[]; source: string };
    expect(document.waves.map((wave) => wave.taskIds)).toEqual([["1", "2"], ["3", "4", "5"], ["6"]]);
    expect(document.source).toBe("markers");
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(WAVE_TASKS);
  });

  it("runs 6 tasks in 3 waves in distinct worktrees, merges them all and loses no mark", async () => {
    await createWaveProject(directory(), WAVE_TASKS);
    const server = await model.start([]);
    server.respondWith(scriptedAgent(moduleFiles));
    const result = await runCli(["run", "waves", "--all", "--parallel", "3", "--json"], {
      cwd: directory(),
      env: model.env(),
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const events = jsonLines(result.stdout);
    const waveStarts = events.filter((event) => event.type === "wave-start").map((event) => event.taskIds);
    expect(waveStarts).toEqual([["1", "2"], ["3", "4", "5"], ["6"]]);
    // Each task's events come from its own worktree.
    const worktrees = new Map<string, string>();
    for (const event of events) {
      if (event.type === "task-start") worktrees.set(String(event.taskId), String(event.worktree));
    }
    expect(new Set(worktrees.values()).size).toBe(6);
    const merges = events.filter((event) => event.type === "wave-merge").map((event) => [event.taskId, event.result]);
    expect(merges).toEqual([
      ["1", "fast-forward"],
      ["2", "merged"],
      ["3", "fast-forward"],
      ["4", "merged"],
      ["5", "merged"],
      ["6", "fast-forward"],
    ]);
    // The tests ran once on the first wave's base, the baseline of each of its tasks; every later base is
    // the tree the last merge verified, so that run's count is its baseline and the tests do not run again.
    const baselines = events.filter((event) => event.type === "verify-start" && event.round === -1);
    expect(baselines.map((event) => event.taskId)).toEqual(["wave-1"]);
    const verifications = events.filter((event) => event.type === "verify-start");
    // One per task and one for the first base (a merged tree's tests run inside its merge).
    expect(verifications).toHaveLength(6 + 1);
    const end = events.at(-1) as { type: string; summary: { ok: boolean; tasks: { status: string }[] } };
    expect(end.type).toBe("run-end");
    expect(end.summary.ok).toBe(true);
    expect(end.summary.tasks.map((task) => task.status)).toEqual(Array(6).fill("done"));
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(WAVE_TASKS.replaceAll("- [ ]", "- [x]"));
    for (const id of ["1", "2", "3", "4", "5", "6"]) {
      expect(await readFile(join(directory(), `src/module-${id}.js`), "utf8")).toContain(`value${id}`);
    }
    // The main tree's branch did not move and no worktree or wave branch is left.
    expect((await git(directory(), "log", "--oneline")).trim().split("\n")).toHaveLength(1);
    expect((await git(directory(), "worktree", "list")).trim().split("\n")).toHaveLength(1);
    expect((await git(directory(), "branch", "--list")).trim()).toBe("* main");
  });

  it("sends the second of a conflicting pair back to run alone on the merged tree; both end done", async () => {
    await createWaveProject(directory(), CONFLICT_TASKS);
    const server = await model.start([]);
    server.respondWith(scriptedAgent(sharedFiles));
    const result = await runCli(["run", "waves", "--all", "--parallel", "2", "--json"], {
      cwd: directory(),
      env: model.env(),
    });
    expect(result.code).toBe(0);
    const events = jsonLines(result.stdout);
    expect(events.filter((event) => event.type === "wave-rerun").map((event) => event.taskId)).toEqual(["2"]);
    const merges = events.filter((event) => event.type === "wave-merge").map((event) => [event.taskId, event.result]);
    expect(merges).toEqual([
      ["1", "fast-forward"],
      ["2", "conflict"],
      ["2", "fast-forward"],
    ]);
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(CONFLICT_TASKS.replaceAll("- [ ]", "- [x]"));
    // Task 2 ran again on task 1's work: its version is the one left, and task 1's test is still there.
    expect(await readFile(join(directory(), "src/shared.js"), "utf8")).toContain("task 2");
    expect(await readFile(join(directory(), "test/shared-1.test.js"), "utf8")).toContain("shared 1");
    expect((await git(directory(), "worktree", "list")).trim().split("\n")).toHaveLength(1);
  });

  it("after kill -9 mid-wave, the worktrees stay; --resume removes them and finishes the plan", async () => {
    await createWaveProject(directory(), WAVE_TASKS, { limits: { requestTimeoutMs: 60_000, maxRetries: 0 } });
    const server = await model.start([]);
    server.respondWith(() => ({ hang: true }));
    const child = spawn(process.execPath, [CLI_PATH, "run", "waves", "--all", "--parallel", "3"], {
      cwd: directory(),
      env: { ...process.env, ...model.env() },
      stdio: "ignore",
    });
    // Both agents of wave 1 are waiting for the model, each in its worktree (a run that ended early fails below).
    let exited = false;
    child.on("exit", () => {
      exited = true;
    });
    while (server.requests.length < 2 && !exited) await sleep(50);
    expect(exited).toBe(false);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("close", resolve));
    expect((await git(directory(), "worktree", "list")).trim().split("\n")).toHaveLength(3);
    const left = await readFile(join(directory(), TASKS), "utf8");
    expect(left).toContain("[-] 1.");
    expect(left).not.toContain("[x]");

    server.respondWith(scriptedAgent(moduleFiles));
    const resumed = await runCli(["run", "waves", "--all", "--parallel", "3", "--resume", "--json"], {
      cwd: directory(),
      env: model.env(),
    });
    expect(resumed.code).toBe(0);
    const events = jsonLines(resumed.stdout);
    expect(events[0]).toMatchObject({ type: "worktrees-cleaned" });
    expect((events[0] as { paths: string[] }).paths).toHaveLength(2);
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(WAVE_TASKS.replaceAll("- [ ]", "- [x]"));
    expect((await git(directory(), "worktree", "list")).trim().split("\n")).toHaveLength(1);
    expect((await git(directory(), "branch", "--list")).trim()).toBe("* main");
  }, 180_000);

  it("Ctrl-C stops every agent, removes the worktrees and puts the tasks back to [ ]", async () => {
    await createWaveProject(directory(), WAVE_TASKS, { limits: { requestTimeoutMs: 60_000, maxRetries: 0 } });
    const server = await model.start([]);
    server.respondWith(() => ({ hang: true }));
    const child = spawn(process.execPath, [CLI_PATH, "run", "waves", "--all", "--parallel", "3"], {
      cwd: directory(),
      env: { ...process.env, ...model.env() },
      stdio: "ignore",
    });
    while (server.requests.length < 2) await sleep(50);
    child.kill("SIGINT");
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(WAVE_TASKS);
    expect((await git(directory(), "worktree", "list")).trim().split("\n")).toHaveLength(1);
    expect((await git(directory(), "branch", "--list")).trim()).toBe("* main");
  });

  it("refuses --parallel that is not a positive whole number", async () => {
    await createWaveProject(directory(), WAVE_TASKS);
    const result = await runCli(["run", "waves", "--all", "--parallel", "zero", "--dry-run", "--json"], {
      cwd: directory(),
    });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: "invalid-option" } });
  });
});
