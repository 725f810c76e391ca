import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import type { FakeRequest } from "../helpers/fake-openai-server.js";
import { git } from "../helpers/git-repository.js";
import { CLI_PATH, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";
import {
  CONFLICT_TASKS,
  createWaveProject,
  gatedVerification,
  moduleFiles,
  requestedTask,
  SIGNAL_FILE,
  scriptedAgent,
  sharedFiles,
  signalWorktrees,
  TWO_WAVE_TASKS,
  WAVE_TASKS,
} from "../helpers/wave-project.js";

const TASKS = ".kiro/specs/waves/tasks.md";

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The wave of each task-start and wave-end, in the order the stream has them: one wave after the other. */
function eventWaves(events: readonly Record<string, unknown>[]): number[] {
  return events.flatMap((event) =>
    event.type === "wave-end" || (event.type === "task-start" && event.wave !== undefined) ? [Number(event.wave)] : [],
  );
}

function mergesOf(events: readonly Record<string, unknown>[]): unknown[][] {
  return events.filter((event) => event.type === "wave-merge").map((event) => [event.taskId, event.result]);
}

/** For each wave-start, whether its wave started ahead. */
function startsAhead(events: readonly Record<string, unknown>[]): boolean[] {
  return events.filter((event) => event.type === "wave-start").map((event) => event.ahead === true);
}

/** The requests that opened a turn of the task (not the ones answering tool results). */
function firstTurnsOf(requests: readonly FakeRequest[], taskId: string): FakeRequest[] {
  return requests.filter(
    (request) => requestedTask(request) === taskId && request.body?.messages?.at(-1)?.role !== "tool",
  );
}

/** No worktree and no wave branch left beside the main tree. */
async function expectNoWaveLeft(root: string): Promise<void> {
  expect((await git(root, "worktree", "list")).trim().split("\n")).toHaveLength(1);
  expect((await git(root, "branch", "--list")).trim()).toBe("* main");
}

describe("specwright run --parallel (end to end, fake model, real git)", () => {
  const directory = useTempDirectory("specwright-waves-cli-");
  const model = useCliWithFakeModel(directory, "openai-compatible:fake");

  /** `TWO_WAVE_TASKS`, verified by a script whose run on the merge of tasks 1 and 2 waits for the signal. */
  const createGatedWaveProject = (
    root: string,
    options: {
      readonly failAfterSignal: boolean;
      readonly waitIn?: readonly string[];
      readonly absent?: readonly string[];
    },
  ) =>
    createWaveProject(
      root,
      TWO_WAVE_TASKS,
      { verify: { command: "node verify.mjs" } },
      {
        "verify.mjs": gatedVerification({ waitIn: ["src/module-1.js", "src/module-2.js"], ...options }),
        // The signal is no task's work: ignored, it is in no snapshot.
        ".gitignore": `${SIGNAL_FILE}\n`,
      },
    );

  const runTwoWaves = async () => {
    const result = await runCli(["run", "waves", "--all", "--parallel", "2", "--json"], {
      cwd: directory(),
      env: model.env(),
    });
    expect(result.code).toBe(0);
    return jsonLines(result.stdout);
  };

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
    expect(mergesOf(events)).toEqual([
      ["1", "fast-forward"],
      ["2", "merged"],
      ["3", "fast-forward"],
      ["4", "merged"],
      ["5", "merged"],
      ["6", "fast-forward"],
    ]);
    // The tests ran once on the first wave's base (in task 1's worktree, before its agent acted), the
    // baseline of each of its tasks; every later base is the tree the last merge verified, so that run's
    // count is its baseline and the tests do not run again.
    const baselines = events.filter((event) => event.type === "verify-start" && event.round === -1);
    expect(baselines.map((event) => event.taskId)).toEqual(["1"]);
    const verifications = events.filter((event) => event.type === "verify-start");
    // One per task and one for the first base (a merged tree's tests run inside its merge).
    expect(verifications).toHaveLength(6 + 1);
    // Waves 2 and 3 started while the last merge of the wave before was tested; their events still come
    // after that wave's end.
    expect(startsAhead(events)).toEqual([false, true, true]);
    expect(eventWaves(events)).toEqual([1, 1, 1, 2, 2, 2, 2, 3, 3]);
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
    await expectNoWaveLeft(directory());
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
    expect(mergesOf(events)).toEqual([
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

  // Each gate holds tests that pass only once task 3 has asked the model: a run that started wave 2 later
  // than the gate says would never get there (the gated tests give up after a while and fail).
  it.each([
    {
      when: "before the merged tree's tests end: they wait for its request",
      gate: { failAfterSignal: false },
    },
    {
      when: "once every agent of this one is done: a task's own tests wait for its request",
      // Task 2's own tests: module 2 without module 1.
      gate: { waitIn: ["src/module-2.js"], absent: ["src/module-1.js"], failAfterSignal: false },
    },
  ])("starts the next wave $when", async ({ gate }) => {
    await createGatedWaveProject(directory(), gate);
    const server = await model.start([]);
    const agent = scriptedAgent(moduleFiles);
    server.respondWith((request) => {
      if (requestedTask(request) === "3") signalWorktrees(directory());
      return agent(request);
    });
    const events = await runTwoWaves();
    expect(mergesOf(events)).toEqual([
      ["1", "fast-forward"],
      ["2", "merged"],
      ["3", "fast-forward"],
    ]);
    expect(startsAhead(events)).toEqual([false, true]);
    expect(events.filter((event) => event.type === "repair")).toEqual([]);
    expect(eventWaves(events)).toEqual([1, 1, 1, 2, 2]);
    // Task 3 started on the merge of 1 and 2, once.
    expect(firstTurnsOf(server.requests, "3")).toHaveLength(1);
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(TWO_WAVE_TASKS.replaceAll("- [ ]", "- [x]"));
    expect(await readFile(join(directory(), "src/module-3.js"), "utf8")).toContain("value3");
    await expectNoWaveLeft(directory());
  });

  it("starts the next wave again on the completing merge when the work it started on early changed", async () => {
    // Task 2's first version fails its tests; its repair round (slow, so the early start has long been made
    // on the first version) fixes it: the early start no longer holds the wave's work and is made again.
    await createWaveProject(
      directory(),
      TWO_WAVE_TASKS,
      { verify: { command: "node verify.mjs" } },
      {
        "verify.mjs": [
          'import { execFileSync } from "node:child_process";',
          'import { existsSync, readFileSync } from "node:fs";',
          'const alone = existsSync("src/module-2.js") && !existsSync("src/module-1.js");',
          'if (alone && !readFileSync("src/module-2.js", "utf8").includes("fixed")) process.exit(1);',
          'execFileSync(process.execPath, ["--test"], { stdio: "inherit" });',
          "",
        ].join("\n"),
      },
    );
    const server = await model.start([]);
    const agent = scriptedAgent(moduleFiles);
    server.respondWith((request) => {
      const messages = request.body?.messages ?? [];
      const repair = messages.length > 2 && messages.at(-1)?.role === "user";
      if (requestedTask(request) !== "2" || !repair) return agent(request);
      const files = moduleFiles("2");
      return {
        delayMs: 1500,
        toolCalls: [
          {
            name: "write_file",
            arguments: {
              path: "src/module-2.js",
              content: `${files["src/module-2.js"] ?? ""}export const fixed = true;\n`,
            },
          },
        ],
      };
    });
    const events = await runTwoWaves();
    expect(events.filter((event) => event.type === "repair").map((event) => event.taskId)).toEqual(["2"]);
    expect(mergesOf(events)).toEqual([
      ["1", "fast-forward"],
      ["2", "merged"],
      ["3", "fast-forward"],
    ]);
    expect(startsAhead(events)).toEqual([false, true]);
    // Started early on task 2's first version, then again on the merge of its repaired one.
    expect(firstTurnsOf(server.requests, "3")).toHaveLength(2);
    expect(await readFile(join(directory(), "src/module-2.js"), "utf8")).toContain("fixed");
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(TWO_WAVE_TASKS.replaceAll("- [ ]", "- [x]"));
    await expectNoWaveLeft(directory());
  });

  it("cancels a wave started ahead when the merge it started on fails its tests, leaving no trace of it", async () => {
    // Tasks 1 and 2 pass alone and fail together until task 2, sent back, writes its module the fixed way;
    // the merged tree's tests fail only after task 3 has asked the model, so its start ahead always happens.
    await createGatedWaveProject(directory(), { failAfterSignal: true });
    const server = await model.start([]);
    let askedFor2 = 0;
    const agent = scriptedAgent((taskId) => {
      const files = moduleFiles(taskId);
      if (taskId !== "2" || askedFor2 < 2) return files;
      return { ...files, "src/module-2.js": `${files["src/module-2.js"] ?? ""}export const fixed = true;\n` };
    });
    server.respondWith((request) => {
      const taskId = requestedTask(request);
      if (taskId === "2" && request.body?.messages?.at(-1)?.role !== "tool") askedFor2 += 1;
      if (taskId === "3") signalWorktrees(directory());
      return agent(request);
    });
    const events = await runTwoWaves();
    expect(mergesOf(events)).toEqual([
      ["1", "fast-forward"],
      ["2", "verify-failed"],
      ["2", "fast-forward"],
      ["3", "fast-forward"],
    ]);
    // Wave 2 started ahead once (its request went out) and was cancelled: its stream and its marks show
    // only the start after task 2's re-run.
    expect(firstTurnsOf(server.requests, "3")).toHaveLength(2);
    expect(startsAhead(events)).toEqual([false, false]);
    const taskStarts = events.filter((event) => event.type === "task-start").map((event) => String(event.taskId));
    expect(taskStarts.sort()).toEqual(["1", "2", "2", "3"]);
    expect(eventWaves(events)).toEqual([1, 1, 1, 1, 2, 2]);
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(TWO_WAVE_TASKS.replaceAll("- [ ]", "- [x]"));
    expect(await readFile(join(directory(), "src/module-2.js"), "utf8")).toContain("fixed");
    await expectNoWaveLeft(directory());
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
    await expectNoWaveLeft(directory());
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
