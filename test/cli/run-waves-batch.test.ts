import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import type { FakeReply, FakeRequest } from "../helpers/fake-openai-server.js";
import { git } from "../helpers/git-repository.js";
import { runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";
import { createWaveProject, moduleFiles, requestedTask, scriptedAgent } from "../helpers/wave-project.js";

const TASKS = ".kiro/specs/waves/tasks.md";
const THREE = "# Implementation Plan\n\n- [ ] 1. (P) One\n- [ ] 2. (P) Two\n- [ ] 3. (P) Three\n";

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Each merge of the run: task, how it merged, and the tasks tested together with it. */
function waveMerges(events: readonly Record<string, unknown>[]): unknown[][] {
  return events
    .filter((event) => event.type === "wave-merge")
    .map((event) => [event.taskId, event.result, event.testedTogether]);
}

/**
 * Task 1's agent answers only once tasks 2 and 3 are finished (their work committed on their wave branch),
 * so when task 1 is merged the two others are ready to merge together: no timing involved.
 */
function afterTwoAndThree(
  root: string,
  agent: (request: FakeRequest) => FakeReply | undefined,
): (request: FakeRequest) => FakeReply | undefined {
  return (request) => {
    const reply = agent(request);
    if (reply === undefined || requestedTask(request) !== "1" || request.body?.messages?.at(-1)?.role === "tool") {
      return reply;
    }
    const act = async () => {
      for (;;) {
        const refs = await git(root, "for-each-ref", "--format=%(subject)", "refs/heads/specwright-wave/");
        if (refs.includes("specwright: task 2") && refs.includes("specwright: task 3")) return;
        await sleep(50);
      }
    };
    return { act, reply };
  };
}

/** Task 2's test says task 3's file must not exist: each passes alone, together they fail. */
function clashingFiles(taskId: string): Record<string, string> {
  if (taskId !== "2") return moduleFiles(taskId);
  return {
    ...moduleFiles("2"),
    "test/without-three.test.js": [
      'import assert from "node:assert/strict";',
      'import { existsSync } from "node:fs";',
      'import { test } from "node:test";',
      "",
      'test("module 3 is not there", () => assert.equal(existsSync("src/module-3.js"), false));',
      "",
    ].join("\n"),
  };
}

/**
 * Task 2's agent finishes once task 1 is committed, and its tests hold the one test slot for a second
 * after leaving `marker`; task 3's agent finishes only once that marker exists, so its tests wait their
 * turn behind task 2's: when task 2 is done, task 3 is still in its tests.
 */
function threeTestedBehindTwo(
  root: string,
  marker: string,
  agent: (request: FakeRequest) => FakeReply | undefined,
): (request: FakeRequest) => FakeReply | undefined {
  return (request) => {
    const reply = agent(request);
    const task = requestedTask(request);
    if (reply === undefined || request.body?.messages?.at(-1)?.role !== "tool" || (task !== "2" && task !== "3")) {
      return reply;
    }
    const act = async () => {
      for (;;) {
        if (task === "3" && (await markerInAWorktree(root, marker))) return;
        if (task === "2") {
          const refs = await git(root, "for-each-ref", "--format=%(subject)", "refs/heads/specwright-wave/");
          if (refs.includes("specwright: task 1")) return;
        }
        await sleep(50);
      }
    };
    return { act, reply };
  };
}

/** The tests run sandboxed in their worktree: the marker is left there. */
async function markerInAWorktree(root: string, marker: string): Promise<boolean> {
  const folder = join(root, ".git", "specwright", "worktrees");
  const worktrees = await readdir(folder).catch(() => [] as string[]);
  return worktrees.some((name) => existsSync(join(folder, name, marker)));
}

/** Task 2 brings a test that marks that it runs, then takes a second. */
function slowTestOfTwo(marker: string): (taskId: string) => Record<string, string> {
  return (taskId) =>
    taskId !== "2"
      ? moduleFiles(taskId)
      : {
          ...moduleFiles("2"),
          "test/slow.test.js": [
            'import { writeFileSync } from "node:fs";',
            'import { test } from "node:test";',
            "",
            `test("slow", async () => {`,
            `  writeFileSync(${JSON.stringify(marker)}, "");`,
            "  await new Promise((resolve) => setTimeout(resolve, 1000));",
            "});",
            "",
          ].join("\n"),
        };
}

describe("specwright run --parallel merges tasks that are done together in one tested merge", () => {
  const directory = useTempDirectory("specwright-waves-batch-");
  const model = useCliWithFakeModel(directory, "openai-compatible:fake");
  const runThreeAtOnce = () =>
    runCli(["run", "waves", "--all", "--parallel", "3", "--json"], { cwd: directory(), env: model.env() });

  it("tests tasks 2 and 3 once, on their merged tree, when both are done by the time task 1 is merged", async () => {
    await createWaveProject(directory(), THREE);
    const server = await model.start([]);
    server.respondWith(afterTwoAndThree(directory(), scriptedAgent(moduleFiles)));
    const result = await runThreeAtOnce();
    expect(result.code, result.stderr).toBe(0);
    const merges = waveMerges(jsonLines(result.stdout));
    expect(merges).toEqual([
      ["1", "fast-forward", undefined],
      ["2", "merged", ["2", "3"]],
      ["3", "merged", ["2", "3"]],
    ]);
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(THREE.replaceAll("- [ ]", "- [x]"));
    for (const id of ["1", "2", "3"]) {
      expect(await readFile(join(directory(), `src/module-${id}.js`), "utf8")).toContain(`value${id}`);
    }
  });

  it("waits for task 3, already in its tests when task 2 is done, and tests the two merged once", async () => {
    await createWaveProject(directory(), THREE);
    const marker = "two-testing.mark";
    const server = await model.start([]);
    server.respondWith(threeTestedBehindTwo(directory(), marker, scriptedAgent(slowTestOfTwo(marker))));
    const result = await runThreeAtOnce();
    expect(result.code, result.stderr).toBe(0);
    const events = jsonLines(result.stdout);
    const order = events
      .filter((event) => (event.type === "verify-start" && event.taskId === "3") || event.type === "task-end")
      .map((event) => `${event.type} ${String(event.taskId)}`);
    // The situation the wait is for: task 3's tests had started (queued) before task 2 was done.
    expect(order.indexOf("verify-start 3")).toBeLessThan(order.indexOf("task-end 2"));
    const merges = waveMerges(events);
    expect(merges).toEqual([
      ["1", "fast-forward", undefined],
      ["2", "merged", ["2", "3"]],
      ["3", "merged", ["2", "3"]],
    ]);
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(THREE.replaceAll("- [ ]", "- [x]"));
  });

  it("when their merged tree fails, merges them one at a time, each tested, and sends back the one that breaks", async () => {
    await createWaveProject(directory(), THREE, { agent: { repairRounds: 0 } });
    const server = await model.start([]);
    server.respondWith(afterTwoAndThree(directory(), scriptedAgent(clashingFiles)));
    const result = await runThreeAtOnce();
    expect(result.code).toBe(1);
    const events = jsonLines(result.stdout);
    const merges = waveMerges(events);
    expect(merges.slice(0, 3)).toEqual([
      ["1", "fast-forward", undefined],
      ["2", "merged", undefined],
      ["3", "verify-failed", undefined],
    ]);
    expect(events.filter((event) => event.type === "wave-rerun").map((event) => event.taskId)).toEqual(["3"]);
    const tasks = await readFile(join(directory(), TASKS), "utf8");
    expect(tasks).toContain("- [x] 1.");
    expect(tasks).toContain("- [x] 2.");
    expect(tasks).toContain("- [ ] 3.");
    expect((await git(directory(), "worktree", "list")).trim().split("\n")).toHaveLength(1);
  });
});
