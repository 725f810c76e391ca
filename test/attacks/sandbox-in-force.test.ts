import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, symlink } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requireOsSandbox } from "../helpers/attack-harness.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { git } from "../helpers/git-repository.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { createRunnerProject, writeSubtractReply } from "../helpers/runner-project.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const PROBE = `
const fs = require("node:fs");
try { fs.writeFileSync(".git/probe", "x"); console.log("wrote .git/probe"); } catch (error) { console.log("write failed:", error.code); }
`;

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A folder for PATH with git and node only: bubblewrap is not found there, so no sandbox is available. */
async function pathWithoutSandbox(folder: string): Promise<string> {
  const bin = join(folder, "bin");
  await mkdir(bin);
  await symlink(execFileSync("sh", ["-c", "command -v git"]).toString().trim(), join(bin, "git"));
  await symlink(process.execPath, join(bin, "node"));
  return bin;
}

function toolResultText(requests: readonly { body?: { messages?: readonly unknown[] } }[], id: string): string {
  const message = requests
    .flatMap((request) => request.body?.messages ?? [])
    .find((candidate) => (candidate as { tool_call_id?: string }).tool_call_id === id);
  return JSON.stringify((message as { content?: unknown } | undefined)?.content);
}

describe("the OS sandbox is in force for run_command and verification", () => {
  const directory = useTempDirectory("specwright-sandbox-cli-");
  const model = useCliWithFakeModel(directory, "openai-compatible:fake");
  const outside = useTempDirectory("specwright-no-sandbox-path-");
  beforeAll(requireOsSandbox);

  it("a command the policy allows cannot write into .git: the kernel refuses, the model is told, the summary counts it", async () => {
    await createRunnerProject(directory(), { agent: { repairRounds: 0 } });
    await writeTree(directory(), { "probe.cjs": PROBE });
    await git(directory(), "add", "--all");
    await git(directory(), "commit", "--quiet", "--message", "probe");
    const server = await model.start([
      { toolCalls: [{ id: "probe", name: "run_command", arguments: { command: "node probe.cjs" } }] },
      writeSubtractReply(),
      { text: "Done." },
    ]);
    const result = await model.run(["run", "calculator", "--task", "1.1", "--json"]);
    expect(existsSync(join(directory(), ".git", "probe"))).toBe(false);
    const content = toolResultText(server.requests, "probe");
    expect(content).toContain("write failed: EROFS");
    expect(content).toMatch(/bubblewrap|sandbox-exec/);
    expect(content).toContain("operating-system sandbox refused this");
    const events = jsonLines(result.stdout);
    expect(events).toContainEqual(
      expect.objectContaining({ type: "tool-result", tool: "run_command", sandboxBlocked: 1 }),
    );
    expect(events.at(-1)).toMatchObject({ type: "run-end", summary: { ok: true, sandboxBlocked: 1 } });
  });

  it("without a sandbox, an autopilot run is refused before any model call, saying how to install one", async () => {
    await createRunnerProject(directory());
    const server = await model.start([writeSubtractReply(), { text: "Done." }]);
    const refused = await runCli(["run", "calculator", "--task", "1.1", "--json"], {
      cwd: directory(),
      env: { ...model.env(), PATH: await pathWithoutSandbox(outside()) },
    });
    expect(refused.code).toBe(1);
    const [line] = jsonLines(refused.stdout);
    expect(line).toMatchObject({ type: "error", ok: false, error: { code: "no-sandbox" } });
    expect(JSON.stringify(line)).toContain("apt-get install bubblewrap");
    expect(server.remaining()).toBe(2);
    expect(await readFile(join(directory(), ".kiro/specs/calculator/tasks.md"), "utf8")).toContain("[ ] 1.1");
  });

  it('agent.sandbox "none" is the explicit way to run without one; doctor reports each state', async () => {
    await createRunnerProject(directory(), { agent: { sandbox: "none" } });
    const bin = await pathWithoutSandbox(outside());
    const server = await model.start([
      { toolCalls: [{ id: "plain", name: "run_command", arguments: { command: "echo unconfined" } }] },
      writeSubtractReply(),
      { text: "Done." },
    ]);
    const result = await runCli(["run", "calculator", "--task", "1.1", "--json"], {
      cwd: directory(),
      env: { ...model.env(), PATH: bin },
    });
    expect(result.code).toBe(0);
    const content = toolResultText(server.requests, "plain");
    expect(content).toContain("unconfined");
    expect(content).not.toMatch(/bubblewrap|sandbox-exec/);

    const offDoctor = await runCli(["doctor", "--json"], { cwd: directory(), env: { PATH: bin } });
    expect(offDoctor.code).toBe(0);
    expect(jsonOf(offDoctor)).toMatchObject({ sandbox: { setting: "none", inForce: "none", autopilot: "allowed" } });
  });

  it("doctor says which sandbox is in force, and what to install when there is none", async () => {
    await createRunnerProject(directory());
    const present = await runCli(["doctor", "--json"], { cwd: directory() });
    expect(present.code).toBe(0);
    expect(jsonOf(present)).toMatchObject({
      ok: true,
      sandbox: {
        setting: "auto",
        inForce: expect.stringMatching(/bubblewrap|sandbox-exec/),
        autopilot: "allowed",
        network: "off",
      },
      git: { version: expect.any(String) },
    });
    const bin = await pathWithoutSandbox(outside());
    const missing = await runCli(["doctor"], { cwd: directory(), env: { PATH: bin } });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("autopilot runs refused");
    expect(missing.stdout).toContain("apt-get install bubblewrap");
  });
});
