import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createGitRepository } from "../helpers/git-repository.js";
import { type ConnectedClient, structuredOf, textOf, useInMemoryConnections } from "../helpers/mcp-client.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { flipTasksAtOnce, independentTasks } from "../helpers/task-flips.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-tasks-");
const mcp = useInMemoryConnections();

async function connect(files: Record<string, string> = SAMPLE_WORKSPACE): Promise<ConnectedClient> {
  await writeTree(temp(), files);
  return mcp.connect(temp());
}

const tasksFile = () => readFile(join(temp(), ".kiro/specs/rate-limiting/tasks.md"), "utf8");

/** A plan of many independent tasks, for concurrent writers. */
const manyTasks = (count: number) => independentTasks(count, "1.1");

describe("MCP task tools", () => {
  it("next_task names the first task whose predecessors are done", async () => {
    const { call } = await connect({
      ...SAMPLE_WORKSPACE,
      ".kiro/specs/rate-limiting/tasks.md":
        "# Implementation Plan\n\n- [x] 1. First\n- [ ] 2. Second\n  - _Requirements: 2.1_\n",
    });
    const next = structuredOf(await call("next_task", { spec: "rate-limiting" }));
    expect(next).toMatchObject({ kind: "task", task: { id: "2", title: "Second", requirements: ["2.1"] } });
  });

  it("next_task reports a task left in progress as blocked", async () => {
    const { call } = await connect();
    expect(structuredOf(await call("next_task", { spec: "rate-limiting" }))).toMatchObject({
      kind: "task",
      task: { id: "2.1" },
    });
    await call("set_task_status", { spec: "rate-limiting", taskId: "2.1", status: "in-progress" });
    const next = structuredOf(await call("next_task", { spec: "rate-limiting" }));
    expect(next).toMatchObject({ kind: "blocked", task: { id: "2.1", status: "in-progress" } });
  });

  it("set_task_status changes one marker in tasks.md and says what it was", async () => {
    const { call } = await connect();
    const before = await tasksFile();
    const result = structuredOf(
      await call("set_task_status", { spec: "rate-limiting", taskId: "2.1", status: "queued" }),
    );
    expect(result).toEqual({ spec: "rate-limiting", taskId: "2.1", before: "todo", after: "queued", changed: true });
    expect(await tasksFile()).toBe(before.replace("- [ ] 2.1 Answer", "- [~] 2.1 Answer"));
    const again = structuredOf(
      await call("set_task_status", { spec: "rate-limiting", taskId: "2.1", status: "queued" }),
    );
    expect(again.changed).toBe(false);
  });

  it("start_task marks the task in progress and returns only the criteria it references", async () => {
    const { call } = await connect();
    const result = structuredOf(await call("start_task", { spec: "rate-limiting", taskId: "2.1" }));
    expect(result).toMatchObject({ spec: "rate-limiting", taskId: "2.1", changed: true });
    const context = String(result.context);
    expect(context).toContain("Answer 429 over the limit");
    expect(context).toContain("SHALL answer 429");
    expect(context).not.toContain("SHALL increment the client's counter");
    expect(await tasksFile()).toContain("- [-] 2.1 Answer 429");
    const again = structuredOf(await call("start_task", { spec: "rate-limiting", taskId: "2.1" }));
    expect(again.changed).toBe(false);
  });

  it("an unknown task id is a tool error naming the closest ids", async () => {
    const { call } = await connect();
    const result = await call("set_task_status", { spec: "rate-limiting", taskId: "2.3", status: "done" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("There is no task 2.3");
    expect(result._meta?.["specwright/error"]).toMatchObject({
      code: "unknown-task",
      candidates: expect.arrayContaining(["2.1", "2.2"]),
    });
  });

  it("two clients flipping tasks at the same time lose no update", async () => {
    const count = 24;
    const first = await connect({
      ...SAMPLE_WORKSPACE,
      ".kiro/specs/rate-limiting/tasks.md": manyTasks(count),
    });
    const second = await mcp.connect(temp());
    const { ids, results } = await flipTasksAtOnce(first, second, count);
    expect(results.filter((result) => result.isError).map(textOf)).toEqual([]);
    const text = await tasksFile();
    for (const id of ids) expect(text).toContain(`- [x] ${id}. Task ${id}`);
    expect(text).toBe(manyTasks(count).replaceAll("- [ ]", "- [x]"));
  });

  it("complete_task marks the task done only when the verification passes, with the output either way", async () => {
    const failing = "node -e \"console.log('2 tests failed'); process.exit(3)\"";
    const { call } = await connect({
      ...SAMPLE_WORKSPACE,
      ".kiro/settings/specwright.json": JSON.stringify({ verify: { command: failing } }),
    });
    const failed = structuredOf(await call("complete_task", { spec: "rate-limiting", taskId: "2.1" }));
    expect(failed).toMatchObject({ passed: false, status: "todo", exitCode: 3, timedOut: false, command: failing });
    expect(failed.output).toContain("2 tests failed");
    expect(await tasksFile()).toContain("- [ ] 2.1 Answer 429");

    const passing = "node -e \"console.log('all 7 passed')\"";
    await writeTree(temp(), { ".kiro/settings/specwright.json": JSON.stringify({ verify: { command: passing } }) });
    const result = await call("complete_task", { spec: "rate-limiting", taskId: "2.1" });
    const passed = structuredOf(result);
    expect(passed).toMatchObject({ passed: true, status: "done", exitCode: 0 });
    expect(textOf(result)).toContain("all 7 passed");
    expect(await tasksFile()).toContain("- [x] 2.1 Answer 429");
  });

  it("a cancelled complete_task stops the verification and leaves the task as it was", async () => {
    const slow = "node -e \"setTimeout(() => require('fs').writeFileSync('finished', ''), 1500)\"";
    const { client } = await connect({
      ...SAMPLE_WORKSPACE,
      ".kiro/settings/specwright.json": JSON.stringify({ verify: { command: slow } }),
    });
    const controller = new AbortController();
    const call = client.callTool(
      { name: "complete_task", arguments: { spec: "rate-limiting", taskId: "2.1" } },
      undefined,
      {
        signal: controller.signal,
      },
    );
    setTimeout(() => controller.abort(), 300);
    await expect(call).rejects.toThrow();
    // Longer than the command would have taken: it was killed, so it never wrote its file.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await expect(readFile(join(temp(), "finished"))).rejects.toThrow();
    expect(await tasksFile()).toContain("- [ ] 2.1 Answer 429");
  });

  it("complete_task does not check off a task that weakened its tests since start_task; it needs review", async () => {
    const files = {
      ...SAMPLE_WORKSPACE,
      ".kiro/settings/specwright.json": JSON.stringify({ verify: { command: "node --test" } }),
      "test/limit.test.js":
        'import assert from "node:assert/strict";\nimport { test } from "node:test";\n\ntest("limit", () => {\n  assert.equal(1 + 1, 2);\n});\n',
    };
    await createGitRepository(temp(), { files });
    const { call } = await mcp.connect(temp()).then((client) => client);
    await call("start_task", { spec: "rate-limiting", taskId: "2.1" });
    await writeTree(temp(), {
      "test/limit.test.js": files["test/limit.test.js"].replace('test("limit"', 'test.skip("limit"'),
    });
    const result = await call("complete_task", { spec: "rate-limiting", taskId: "2.1" });
    expect(structuredOf(result)).toMatchObject({
      passed: true,
      needsReview: true,
      status: "in-progress",
      findings: [expect.objectContaining({ code: "test-skipped", path: "test/limit.test.js" })],
    });
    expect(textOf(result)).toContain("NOT checked off");
    expect(await tasksFile()).toContain("- [-] 2.1 Answer 429");
  });

  it("complete_task refuses an unknown task before running anything", async () => {
    const { call } = await connect({
      ...SAMPLE_WORKSPACE,
      ".kiro/settings/specwright.json": JSON.stringify({
        verify: { command: "node -e \"require('fs').writeFileSync('ran', '')\"" },
      }),
    });
    const result = await call("complete_task", { spec: "rate-limiting", taskId: "9" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("There is no task 9");
    await expect(readFile(join(temp(), "ran"))).rejects.toThrow();
  });

  it("complete_task without any test command says how to set one", async () => {
    const { call } = await connect();
    const result = await call("complete_task", { spec: "rate-limiting", taskId: "2.1" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("verify.command");
    expect(await tasksFile()).toContain("- [ ] 2.1 Answer 429");
  });
});
