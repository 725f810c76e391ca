import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isToolError } from "../../../src/engine/agent-tools/tool-error.js";
import { resolveCommandSandbox } from "../../../src/engine/sandbox/command-sandbox.js";
import { requireRunSandbox } from "../../../src/engine/sandbox/require-run-sandbox.js";
import { sandboxBlockedIn } from "../../../src/engine/sandbox/sandbox-blocked.js";
import { callTool, toolkitWithEvents } from "../../helpers/agent-tools.js";
import { rejectionOf } from "../../helpers/engine-error.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

const UNAVAILABLE = {
  state: "unavailable",
  reason: "bubblewrap (bwrap) is not installed.",
  fix: "sudo apt-get install bubblewrap",
} as const;

describe("sandboxBlockedIn", () => {
  it("finds the kernel's refusals across tools and counts them", () => {
    const output = [
      "/bin/sh: 1: cannot create .git/hooks/pre-commit: Read-only file system",
      "cat: .env: Permission denied",
      "fine line",
      "Error: EROFS: read-only file system, open '.git/x'",
      "curl: (6) Could not resolve host: example.com",
      "TypeError: fetch failed ENETUNREACH",
    ].join("\n");
    expect(sandboxBlockedIn(output)).toMatchObject({ operations: 5 });
    expect(sandboxBlockedIn(output)?.lines[0]).toContain("Read-only file system");
  });

  it("says nothing when nothing was refused", () => {
    expect(sandboxBlockedIn("2 passing\n0 failing\n")).toBeUndefined();
  });
});

describe("requireRunSandbox and resolveCommandSandbox", () => {
  it("refuses autopilot without a sandbox, with the reason and the install command", async () => {
    const error = await rejectionOf(Promise.resolve().then(() => requireRunSandbox("autopilot", UNAVAILABLE)));
    expect(error.code).toBe("no-sandbox");
    expect(error.message).toContain("bubblewrap (bwrap) is not installed.");
    expect(error.fix).toContain("apt-get install bubblewrap");
  });

  it("lets a supervised run go on with a warning, and any run with a sandbox or with the sandbox off", () => {
    expect(requireRunSandbox("supervised", UNAVAILABLE)).toContain("needs your approval");
    expect(requireRunSandbox("autopilot", { state: "off" })).toBeUndefined();
  });

  it('agent.sandbox "none" turns it off; Windows has none', async () => {
    expect(await resolveCommandSandbox({ agent: { sandbox: "none" } })).toEqual({ state: "off" });
    expect(await resolveCommandSandbox({}, { platform: "win32" })).toMatchObject({
      state: "unavailable",
      fix: expect.stringContaining("WSL"),
    });
    expect(await resolveCommandSandbox({}, { platform: "linux", path: "/nonexistent" })).toMatchObject({
      state: "unavailable",
      reason: expect.stringContaining("not installed"),
    });
  });
});

describe("run_command without a sandbox", () => {
  const temp = useTempDirectory("specwright-no-sandbox-tool-");
  const environment = { PATH: process.env.PATH, HOME: process.env.HOME };

  it("refuses even an allowed command when nobody can approve it, saying how to install a sandbox", async () => {
    await writeFile(join(temp(), "marker.txt"), "x");
    const { tools } = toolkitWithEvents({ root: temp(), environment, sandbox: UNAVAILABLE });
    const result = await callTool(tools.run_command, { command: "rm marker.txt" });
    expect(isToolError(result)).toBe(true);
    expect(JSON.stringify(result)).toContain("no operating-system sandbox");
    expect(JSON.stringify(result)).toContain("apt-get install bubblewrap");
  });

  it("runs it once a person approves it, unconfined, and says so", async () => {
    const { tools } = toolkitWithEvents({
      root: temp(),
      environment,
      sandbox: UNAVAILABLE,
      askCommand: async () => true,
    });
    const result = await callTool(tools.run_command, { command: "echo hello" });
    expect(result).toMatchObject({ exitCode: 0, sandbox: "none" });
  });
});
