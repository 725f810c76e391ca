import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runShellCommand } from "../../src/workspace/run-shell-command.js";
import { isWorkspaceError } from "../../src/workspace/workspace-error.js";
import { isAlive, waitForFile } from "../helpers/process-probe.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-shell-");
const env = { PATH: process.env.PATH };

describe("runShellCommand", () => {
  it("returns the exit code and stdout and stderr interleaved in arrival order", async () => {
    const result = await runShellCommand({
      command: "echo one; echo two >&2; sleep 0.05; echo three; exit 3",
      cwd: temp(),
      timeoutMs: 10_000,
      maxOutputBytes: 10_000,
      env,
    });
    expect(result).toMatchObject({ exitCode: 3, signal: null, timedOut: false, truncated: false });
    expect(result.output).toBe("one\ntwo\nthree\n");
  });

  it("runs in the given folder with exactly the given environment", async () => {
    const result = await runShellCommand({
      command: "pwd; env",
      cwd: temp(),
      timeoutMs: 10_000,
      maxOutputBytes: 100_000,
      env: { PATH: process.env.PATH, ONLY_THIS: "yes" },
    });
    const lines = result.output.split("\n");
    expect(lines[0]).toMatch(new RegExp(`${temp().split("/").at(-1)}$`));
    expect(lines).toContain("ONLY_THIS=yes");
    expect(lines.some((line) => line.startsWith("HOME="))).toBe(false);
  });

  it("a time-out kills the whole process group, grandchildren included", async () => {
    const pidFile = join(temp(), "grandchild.pid");
    // sh runs a second shell, which starts sleep and waits: three generations in one process group.
    const resultPromise = runShellCommand({
      command: `sh -c 'sleep 30 & echo $! > ${pidFile}; wait'`,
      cwd: temp(),
      timeoutMs: 300,
      maxOutputBytes: 10_000,
      env,
      killGraceMs: 200,
    });
    const result = await resultPromise;
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    const pid = Number(await waitForFile(pidFile));
    expect(pid).toBeGreaterThan(0);
    expect(await isAlive(pid, { waitForExit: true })).toBe(false);
  });

  it("ends processes the command left running in the background", async () => {
    const pidFile = join(temp(), "background.pid");
    const result = await runShellCommand({
      command: `sleep 30 & echo $! > ${pidFile}; echo started`,
      cwd: temp(),
      timeoutMs: 10_000,
      maxOutputBytes: 10_000,
      env,
    });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, output: "started\n" });
    const pid = Number((await readFile(pidFile, "utf8")).trim());
    expect(await isAlive(pid, { waitForExit: true })).toBe(false);
  });

  it("returns even when a process that left the group keeps the output pipe open", async () => {
    const pidFile = join(temp(), "escaped.pid");
    const result = await runShellCommand({
      // The escapee writes its pid only once it runs in its own session, out of reach of the group kill.
      command: `setsid sh -c 'echo $$ > ${pidFile}; exec sleep 30' & while [ ! -s ${pidFile} ]; do sleep 0.01; done; echo done`,
      cwd: temp(),
      timeoutMs: 10_000,
      maxOutputBytes: 10_000,
      env,
    });
    const pid = Number((await readFile(pidFile, "utf8")).trim());
    try {
      expect(result).toMatchObject({ exitCode: 0, timedOut: false, output: "done\n" });
      expect(await isAlive(pid)).toBe(true);
    } finally {
      // It escaped the group on purpose, so ending it is the test's job.
      if (await isAlive(pid)) process.kill(pid, "SIGKILL");
    }
  });

  it("an abort signal stops the command", async () => {
    const controller = new AbortController();
    const running = runShellCommand({
      command: "echo ready; sleep 30",
      cwd: temp(),
      timeoutMs: 60_000,
      maxOutputBytes: 10_000,
      env,
      signal: controller.signal,
    });
    controller.abort();
    const result = await running;
    expect(result.timedOut).toBe(false);
    expect(result.signal).toBe("SIGTERM");
  });

  it("caps output keeping head and tail with a note of what was cut", async () => {
    const result = await runShellCommand({
      command: "echo FIRST; i=0; while [ $i -lt 5000 ]; do echo middle-line-$i; i=$((i+1)); done; echo LAST",
      cwd: temp(),
      timeoutMs: 20_000,
      maxOutputBytes: 1000,
      env,
    });
    expect(result.truncated).toBe(true);
    expect(result.output.startsWith("FIRST\n")).toBe(true);
    expect(result.output.endsWith("LAST\n")).toBe(true);
    expect(result.output).toMatch(/output truncated: \d+ of \d+ bytes omitted/);
    expect(Buffer.byteLength(result.output)).toBeLessThan(1300);
  });

  it("refuses a working folder that does not exist", async () => {
    const error = await runShellCommand({
      command: "true",
      cwd: join(temp(), "missing"),
      timeoutMs: 1000,
      maxOutputBytes: 100,
      env,
    }).catch((caught: unknown) => caught);
    expect(isWorkspaceError(error, "not-found")).toBe(true);
  });
});
