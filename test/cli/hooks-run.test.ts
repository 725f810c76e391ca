import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { commandHookFile, legacyCommandHook } from "../helpers/hook-files.js";
import { createRunnerProject, writeSubtractReply } from "../helpers/runner-project.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("hooks in specwright run (end to end, fake OpenAI-compatible server)", () => {
  const directory = useTempDirectory("specwright-hooks-run-");
  const model = useCliWithFakeModel(directory, "openai-compatible:fake");

  it("a pre-tool-use hook exiting 2 blocks run_command, and the model receives its stderr as the tool's error", async () => {
    await createRunnerProject(directory());
    await writeTree(directory(), {
      ".kiro/hooks/guard.json": commandHookFile({
        name: "no-shell",
        trigger: "PreToolUse",
        matcher: "^run_command$",
        command:
          'mkdir -p hook-log && cat > hook-log/pre-tool.json; echo "shell is off limits, use the file tools" >&2; exit 2',
      }),
    });
    const server = await model.start([
      { toolCalls: [{ name: "run_command", arguments: { command: "echo ran > ran.txt" } }] },
      writeSubtractReply(),
      { text: "Added subtract." },
    ]);
    const result = await model.run(["run", "calculator", "--task", "1.1", "--json"]);
    expect(result.code).toBe(0);
    const afterBlock = JSON.stringify(server.requests[1]?.body?.messages ?? []);
    expect(afterBlock).toContain("shell is off limits, use the file tools");
    expect(afterBlock).toContain("no-shell");
    await expect(readFile(join(directory(), "ran.txt"), "utf8")).rejects.toThrow();
    // The hook got the tool's name and its arguments (Kiro's hooks get them empty).
    const payload = JSON.parse(await readFile(join(directory(), "hook-log/pre-tool.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({
      event: "pre-tool-use",
      toolName: "run_command",
      toolArgs: { command: "echo ran > ran.txt" },
      spec: "calculator",
      taskId: "1.1",
    });
    const hookEvents = jsonLines(result.stdout).filter((event) => event.type === "hook");
    expect(hookEvents[0]).toMatchObject({ hook: "no-shell", event: "pre-tool-use", verdict: "blocked", exitCode: 2 });
    // The write_file calls are not run_command: the matcher leaves them alone.
    expect(hookEvents).toHaveLength(1);
    const log = (await readFile(join(directory(), ".kiro/specwright/hooks.jsonl"), "utf8")).trim().split("\n");
    expect(log.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ hook: "no-shell", trigger: "PreToolUse", exitCode: 2, verdict: "blocked" }),
    ]);
  });

  it("a post-task hook runs after verification with the outcome in its payload; a failing one does not fail the task", async () => {
    await createRunnerProject(directory());
    await writeTree(directory(), {
      ".kiro/hooks/after.json": commandHookFile({
        name: "after-task",
        trigger: "PostTaskExec",
        command:
          'mkdir -p hook-log && cat > hook-log/post-task.json && echo "$SPECWRIGHT_HOOK_TASK_ID" > hook-log/task-id; exit 1',
      }),
      ".kiro/hooks/loop.kiro.hook": legacyCommandHook({
        name: "On stop",
        type: "agentStop",
        command: "mkdir -p hook-log && cat > hook-log/agent-stop.json",
      }),
      ".kiro/hooks/start.json": commandHookFile({
        name: "on-start",
        trigger: "SessionStart",
        command: 'mkdir -p hook-log && printf "%s\\n" "$SPECWRIGHT_HOOK_EVENT" >> hook-log/session-start.txt',
      }),
      ".kiro/hooks/prompt.json": commandHookFile({
        name: "on-prompt",
        trigger: "UserPromptSubmit",
        command: 'mkdir -p hook-log && printf "%s" "$SPECWRIGHT_HOOK_PROMPT" > hook-log/prompt.txt',
      }),
    });
    await model.start([writeSubtractReply(), { text: "Added subtract." }]);
    const result = await model.run(["run", "calculator", "--task", "1.1", "--json"]);
    expect(result.code).toBe(0);
    const events = jsonLines(result.stdout);
    const payload = JSON.parse(await readFile(join(directory(), "hook-log/post-task.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({
      event: "post-task",
      taskId: "1.1",
      outcome: { status: "done", verification: { passed: true, command: "node --test" } },
    });
    expect((await readFile(join(directory(), "hook-log/task-id"), "utf8")).trim()).toBe("1.1");
    const order = events.map((event) => event.type);
    const postTask = events.findIndex((event) => event.type === "hook" && event.event === "post-task");
    expect(order.lastIndexOf("verify-end")).toBeLessThan(postTask);
    expect(postTask).toBeLessThan(order.indexOf("task-end"));
    expect(events.find((event) => event.type === "hook" && event.event === "post-task")).toMatchObject({
      verdict: "failed",
      exitCode: 1,
    });
    const stop = JSON.parse(await readFile(join(directory(), "hook-log/agent-stop.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(stop).toMatchObject({ event: "agent-stop", prompt: "Added subtract.", taskId: "1.1" });
    expect(await readFile(join(directory(), "hook-log/prompt.txt"), "utf8")).toContain(
      "Add subtract to src/calculator.js",
    );
    // SessionStart fires once per task session, before the first prompt goes out.
    expect((await readFile(join(directory(), "hook-log/session-start.txt"), "utf8")).trim().split("\n")).toEqual([
      "session-start",
    ]);
    const hookOrder = events.filter((event) => event.type === "hook").map((event) => event.event);
    expect(hookOrder.indexOf("session-start")).toBeGreaterThanOrEqual(0);
    expect(hookOrder.indexOf("session-start")).toBeLessThan(hookOrder.indexOf("prompt-submit"));
    expect(events.at(-1)).toMatchObject({ type: "run-end", summary: { ok: true } });
  });

  it("a pre-task hook exiting 2 blocks the task before the model is asked", async () => {
    await createRunnerProject(directory());
    await writeTree(directory(), {
      ".kiro/hooks/gate.json": commandHookFile({
        name: "gate",
        trigger: "PreTaskExec",
        command: 'echo "read the migration guide first" >&2; exit 2',
      }),
    });
    const server = await model.start([writeSubtractReply(), { text: "Added subtract." }]);
    const result = await model.run(["run", "calculator", "--task", "1.1", "--json"]);
    expect(result.code).toBe(1);
    expect(server.requests).toHaveLength(0);
    const end = jsonLines(result.stdout).find((event) => event.type === "task-end");
    expect(end).toMatchObject({
      outcome: {
        status: "failed",
        error: { code: "hook-blocked", message: expect.stringContaining("read the migration guide first") },
      },
    });
    expect(await readFile(join(directory(), ".kiro/specs/calculator/tasks.md"), "utf8")).toContain("[ ] 1.1");
  });

  it("a pre-task hook that asks the agent adds its answer to the context the task then sees", async () => {
    await createRunnerProject(directory());
    await writeTree(directory(), {
      ".kiro/hooks/guide.json": `${JSON.stringify({
        version: "v1",
        hooks: [
          {
            name: "read-guide",
            trigger: "PreTaskExec",
            action: { type: "agent", prompt: "Summarize the migration guide." },
          },
        ],
      })}\n`,
    });
    const server = await model.start([
      { text: "Always use the v2 calculator API." },
      writeSubtractReply(),
      { text: "Added subtract." },
    ]);
    const result = await model.run(["run", "calculator", "--task", "1.1", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.stringify(server.requests[0]?.body?.messages)).toContain("Summarize the migration guide.");
    const hookTurn = server.requests[0]?.body?.messages?.at(-1)?.content;
    expect(String(hookTurn)).toContain('"event": "pre-task"');
    expect(String(hookTurn)).toContain('"taskId": "1.1"');
    expect(JSON.stringify(server.requests[1]?.body?.messages)).toContain("Always use the v2 calculator API.");
    const log = JSON.parse(
      (await readFile(join(directory(), ".kiro/specwright/hooks.jsonl"), "utf8")).trim(),
    ) as Record<string, unknown>;
    expect(log).toMatchObject({ hook: "read-guide", action: "agent", verdict: "ok", tokens: expect.any(Object) });
  });
});
