import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeOpenAiServer, type FakeReply, startFakeOpenAiServer } from "../helpers/fake-openai-server.js";
import { CLI_PATH, runCli } from "../helpers/run-cli.js";
import { createRunnerProject, RUNNER_TASKS, subtractFiles } from "../helpers/runner-project.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const TASKS = ".kiro/specs/calculator/tasks.md";

function writeSubtract(): FakeReply {
  const files = subtractFiles();
  return {
    toolCalls: [
      { name: "write_file", arguments: { path: "src/calculator.js", content: files.module } },
      { name: "write_file", arguments: { path: "test/subtract.test.js", content: files.test } },
    ],
  };
}

/** Each line of a --json run is one JSON object. */
function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("specwright run (end to end, fake OpenAI-compatible server)", () => {
  const directory = useTempDirectory("specwright-run-cli-");
  let server: FakeOpenAiServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const env = () => ({ SPECWRIGHT_MODEL: "openai-compatible:fake", SPECWRIGHT_BASE_URL: server?.url ?? "" });

  it("implements a task through tool calls, verifies it and streams JSON events", async () => {
    await createRunnerProject(directory());
    server = await startFakeOpenAiServer([writeSubtract(), { text: "Added subtract." }]);
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
    server = await startFakeOpenAiServer([
      { status: 429, headers: { "retry-after": "0" } },
      writeSubtract(),
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
    server = await startFakeOpenAiServer([]);
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
    server = await startFakeOpenAiServer([{ hang: true }]);
    const child = spawn(process.execPath, [CLI_PATH, "run", "calculator", "--all"], {
      cwd: directory(),
      env: { ...process.env, ...env() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    while (server.requests.length < 1) await sleep(50);
    child.kill("SIGINT");
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(stdout).toContain("The run was interrupted.");
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(RUNNER_TASKS);
  });

  it("sends malformed tool arguments (bad JSON) back to the model as an error and goes on", async () => {
    await createRunnerProject(directory());
    server = await startFakeOpenAiServer([
      { toolCalls: [{ name: "write_file", arguments: '{"path": "src/calculator.js", "content": ' }] },
      writeSubtract(),
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
    server = await startFakeOpenAiServer([writeSubtract(), { hang: true }]);
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
    server = await startFakeOpenAiServer([writeSubtract(), { text: "Done again." }]);
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
