import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { captureOutput } from "../helpers/captured-output.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { CLI_PATH, runCli } from "../helpers/run-cli.js";
import { createRunnerProject, RUNNER_TASKS, writeSubtractReply } from "../helpers/runner-project.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const TASKS = ".kiro/specs/calculator/tasks.md";

/** Each line of a --json run is one JSON object. */
function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("specwright run (end to end, fake OpenAI-compatible server)", () => {
  const directory = useTempDirectory("specwright-run-cli-");
  const model = useCliWithFakeModel(directory, "openai-compatible:fake");
  const env = model.env;

  it("implements a task through tool calls, verifies it and streams JSON events", async () => {
    await createRunnerProject(directory());
    await model.start([writeSubtractReply(), { text: "Added subtract." }]);
    const result = await runCli(["run", "calculator", "--task", "1.1", "--json"], { cwd: directory(), env: env() });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const events = jsonLines(result.stdout);
    expect(events[0]).toMatchObject({ type: "run-start", taskIds: ["1.1"] });
    expect(events.at(-1)).toMatchObject({ type: "run-end", summary: { ok: true, tasks: [{ status: "done" }] } });
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(RUNNER_TASKS.replace("[ ] 1.1", "[x] 1.1"));
  });

  it("retries a 429 and a request that times out, mid-run", async () => {
    await createRunnerProject(directory(), { limits: { requestTimeoutMs: 1000, maxRetries: 3 } });
    const server = await model.start([
      { status: 429, headers: { "retry-after": "0" } },
      writeSubtractReply(),
      { hang: true },
      { text: "Done." },
    ]);
    const result = await runCli(["run", "calculator", "--task", "1.1"], { cwd: directory(), env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("1.1 done, verified");
    expect(server.remaining()).toBe(0);
    expect(await readFile(join(directory(), TASKS), "utf8")).toContain("[x] 1.1");
  });

  it("refuses supervised mode without a terminal, as one JSON line", async () => {
    await createRunnerProject(directory());
    const server = await model.start([]);
    const result = await runCli(["run", "calculator", "--mode", "supervised", "--json"], {
      cwd: directory(),
      env: env(),
    });
    expect(result.code).toBe(1);
    expect(jsonLines(result.stdout)).toEqual([
      { type: "error", ok: false, error: expect.objectContaining({ code: "supervised-needs-reviewer" }) },
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it("Ctrl-C (SIGINT) stops the model and puts every task of the run back to [ ]", async () => {
    await createRunnerProject(directory(), { limits: { requestTimeoutMs: 60_000, maxRetries: 0 } });
    const server = await model.start([{ hang: true }]);
    const child = spawn(process.execPath, [CLI_PATH, "run", "calculator", "--all"], {
      cwd: directory(),
      env: { ...process.env, ...env() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output = captureOutput(child);
    while (server.requests.length < 1) await sleep(50);
    child.kill("SIGINT");
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(output.stdout()).toContain("The run was interrupted.");
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(RUNNER_TASKS);
  });

  it("sends malformed tool arguments (bad JSON) back to the model as an error and goes on", async () => {
    await createRunnerProject(directory());
    await model.start([
      { toolCalls: [{ name: "write_file", arguments: '{"path": "src/calculator.js", "content": ' }] },
      writeSubtractReply(),
      { text: "Done." },
    ]);
    const result = await runCli(["run", "calculator", "--task", "1.1", "--json"], { cwd: directory(), env: env() });
    expect(result.code).toBe(0);
    const events = jsonLines(result.stdout);
    expect(events).toContainEqual(expect.objectContaining({ type: "tool-result", tool: "write_file", ok: false }));
    expect(events.at(-1)).toMatchObject({ type: "run-end", summary: { ok: true } });
  });

  it("after kill -9 mid-run: no task is checked off, the next run refuses without a choice and --resume finishes it", async () => {
    await createRunnerProject(directory(), { limits: { requestTimeoutMs: 60_000, maxRetries: 0 } });
    let server = await model.start([writeSubtractReply(), { hang: true }]);
    const child = spawn(process.execPath, [CLI_PATH, "run", "calculator", "--all"], {
      cwd: directory(),
      env: { ...process.env, ...env() },
      stdio: "ignore",
    });
    // Killed while the model "thinks" after writing files: the task is [-], the rest [~].
    while (server.requests.length < 2) await sleep(50);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("close", resolve));
    const left = await readFile(join(directory(), TASKS), "utf8");
    expect(left).toContain("[-] 1.1");
    expect(left).toContain("[~] 1.2");
    expect(left).not.toContain("[x]");

    await server.close();
    server = await model.start([writeSubtractReply(), { text: "Done again." }]);
    const refused = await runCli(["run", "calculator"], { cwd: directory(), env: env() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("--resume");

    const resumed = await runCli(["run", "calculator", "--resume", "--continue-on-failure", "--task", "1.1"], {
      cwd: directory(),
      env: env(),
    });
    expect(resumed.code).toBe(0);
    const after = await readFile(join(directory(), TASKS), "utf8");
    expect(after).toContain("[x] 1.1");
    expect(after).not.toMatch(/\[[-~]\]/);
  });
});
