import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { rawRequest } from "../../helpers/dashboard-http.js";
import { useFakeOpenAiServer } from "../../helpers/fake-openai-server.js";
import { CLI_PATH, jsonOf, runCli } from "../../helpers/run-cli.js";
import { createRunnerProject, RUNNER_TASKS } from "../../helpers/runner-project.js";
import { SAMPLE_WORKSPACE } from "../../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-ui-command-");
const fake = useFakeOpenAiServer();

interface Started {
  readonly child: ChildProcess;
  readonly firstLine: string;
  readonly stderr: () => string;
  readonly exit: Promise<number | null>;
}

/** The built CLI's `ui`, until it printed its first line on stdout. */
async function startUi(args: readonly string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [CLI_PATH, "ui", ...args], {
    cwd: directory(),
    env: { ...process.env, SPECWRIGHT_CACHE_DIR: `${directory()}/.cache`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exit = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const firstLine = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const end = stdout.indexOf("\n");
      if (end >= 0) resolve(stdout.slice(0, end));
    });
    void exit.then((code) => reject(new Error(`specwright ui exited with ${code}: ${stderr}`)));
  });
  return { child, firstLine, stderr: () => stderr, exit };
}

describe("specwright ui (the built CLI)", () => {
  it("--json prints {url, port}; the URL's token becomes the cookie; SIGINT stops it with exit code 0", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const { firstLine, child, exit } = await startUi(["--json", "--port", "0"]);
    const printed = JSON.parse(firstLine) as { url: string; port: number };
    expect(printed.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${printed.port}/\\?token=[A-Za-z0-9_-]{43}$`));
    const url = new URL(printed.url);
    const host = { host: url.host };
    const exchanged = await rawRequest(printed.port, { path: `${url.pathname}${url.search}`, headers: host });
    expect(exchanged.status).toBe(303);
    const cookie = String(exchanged.headers["set-cookie"]).split(";")[0] ?? "";
    const board = await rawRequest(printed.port, { path: "/api/board", headers: { ...host, cookie } });
    expect(board.status).toBe(200);
    expect((board.json as { specs: { name: string }[] }).specs.map((spec) => spec.name)).toEqual([
      "double-save",
      "rate-limiting",
    ]);
    child.kill("SIGINT");
    expect(await exit).toBe(0);
  });

  it("prints the URL in words, a fresh token each start, survives --open without an opener, and SIGTERM exits 0", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    // No xdg-open on this PATH: the dashboard still serves, and says how to open it.
    const first = await startUi(["--open"], { PATH: "/nonexistent" });
    const match = /^Specwright dashboard: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))$/.exec(first.firstLine);
    expect(match, first.firstLine).not.toBeNull();
    const port = Number(match?.[2]);
    const answer = await rawRequest(port, {
      path: "/api/roots",
      headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${match?.[3]}` },
    });
    expect(answer.status).toBe(200);
    const second = await startUi(["--json"]);
    expect((JSON.parse(second.firstLine) as { url: string }).url).not.toContain(match?.[3] ?? "");
    first.child.kill("SIGTERM");
    second.child.kill("SIGINT");
    expect(await first.exit).toBe(0);
    expect(await second.exit).toBe(0);
    expect(first.stderr()).toContain("xdg-open");
  });

  it("SIGINT while a run started from the page waits for the model: the run is cancelled, its task put back, exit 0", async () => {
    await createRunnerProject(directory());
    const server = await fake.start([{ hang: true }]);
    const { firstLine, child, exit } = await startUi(["--json"], {
      SPECWRIGHT_MODEL: "openai-compatible:test",
      SPECWRIGHT_BASE_URL: server.url,
    });
    const { url, port } = JSON.parse(firstLine) as { url: string; port: number };
    const token = new URL(url).searchParams.get("token") ?? "";
    const started = await rawRequest(port, {
      method: "POST",
      path: "/api/runs",
      headers: {
        host: `127.0.0.1:${port}`,
        cookie: `specwright_token=${token}`,
        origin: `http://127.0.0.1:${port}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ spec: "calculator", taskIds: ["1.1"] }),
    });
    expect(started.status, started.text).toBe(202);
    // The model was asked: the task is marked in progress and the run waits on the hanging reply.
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await readFile(join(directory(), ".kiro/specs/calculator/tasks.md"), "utf8")).toContain("[-] 1.1");
    child.kill("SIGINT");
    expect(await exit).toBe(0);
    expect(await readFile(join(directory(), ".kiro/specs/calculator/tasks.md"), "utf8")).toBe(RUNNER_TASKS);
  });

  it("--json reports a taken port as one JSON document with a fix, exit code 1", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const running = await startUi(["--json"]);
    const { port } = JSON.parse(running.firstLine) as { port: number };
    const taken = spawn(process.execPath, [CLI_PATH, "ui", "--json", "--port", String(port)], {
      cwd: directory(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    taken.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    const code = await new Promise<number | null>((resolve) => taken.on("close", resolve));
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: false,
      error: { code: "port-in-use", fix: expect.stringContaining("--port") },
    });
    running.child.kill("SIGINT");
    expect(await running.exit).toBe(0);
  });

  it("refuses a folder without .kiro/ before listening, with the fix, as one JSON document", async () => {
    const result = await runCli(["ui", "--json"], { cwd: directory() });
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "no-kiro-root", fix: expect.any(String) } });
  });
});
