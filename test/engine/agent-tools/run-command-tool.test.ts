import { access } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CommandApprovalRequest } from "../../../src/engine/agent-tools/agent-tool-context.js";
import { isToolError } from "../../../src/engine/agent-tools/tool-error.js";
import { callTool, toolkitWithEvents } from "../../helpers/agent-tools.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-run-command-");
const environment = { PATH: process.env.PATH, HOME: process.env.HOME };

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

describe("run_command", () => {
  it("runs an allowed command in the root; a failing exit code is data, not an error", async () => {
    const { tools, events } = toolkitWithEvents({ root: temp(), environment });
    const result = await callTool(tools.run_command, { command: "pwd; echo oops >&2; exit 4" });
    expect(result).toMatchObject({ exitCode: 4, timedOut: false, truncated: false });
    expect(isToolError(result)).toBe(false);
    expect(JSON.stringify(result)).toContain("oops");
    expect(events.find((event) => event.type === "command-decision")).toMatchObject({
      decision: "allow",
      rule: 'built-in allow "pwd"',
    });
    expect(events.at(-1)).toMatchObject({ type: "tool-result", ok: true, summary: expect.stringMatching(/^exit 4/) });
  });

  it("does not pass secrets from the environment unless agent.passEnv names them", async () => {
    const { tools } = toolkitWithEvents({
      root: temp(),
      environment: {
        ...environment,
        ANTHROPIC_API_KEY: "sk-ant-secret",
        MY_TOKEN: "t0k",
        NPM_TOKEN: "npm-ok",
        PLAIN: "v",
      },
      settings: { agent: { passEnv: ["NPM_TOKEN"] } },
    });
    const result = await callTool(tools.run_command, { command: "env" });
    if (isToolError(result)) throw new Error(result.error);
    expect(result.output).toContain("PLAIN=v");
    expect(result.output).toContain("NPM_TOKEN=npm-ok");
    expect(result.output).not.toContain("sk-ant-secret");
    expect(result.output).not.toContain("t0k");
  });

  it("refuses a denied command without running it", async () => {
    const { tools, events } = toolkitWithEvents({
      root: temp(),
      environment,
      settings: { agent: { commands: { deny: ["touch marker*"] } } },
    });
    const result = await callTool(tools.run_command, { command: "touch marker.txt" });
    expect(isToolError(result) && result.error).toMatch(/refused by the policy \(settings deny "touch marker\*"\)/);
    expect(await exists(join(temp(), "marker.txt"))).toBe(false);
    expect(events.find((event) => event.type === "command-decision")).toMatchObject({ decision: "deny" });
  });

  it("refuses an ask command when nobody can answer", async () => {
    const { tools } = toolkitWithEvents({ root: temp(), environment });
    const result = await callTool(tools.run_command, { command: "unknown-tool > marker.txt" });
    expect(isToolError(result) && result.error).toMatch(/needs a person's approval/);
    expect(isToolError(result) && result.hint).toMatch(/agent\.commands\.allow/);
    expect(await exists(join(temp(), "marker.txt"))).toBe(false);
  });

  it("asks once per command line; yes runs it, no refuses it", async () => {
    const asked: CommandApprovalRequest[] = [];
    const { tools, events } = toolkitWithEvents({
      root: temp(),
      environment,
      askCommand: async (request) => {
        asked.push(request);
        return request.command.includes("yes");
      },
    });
    const command = "echo yes > approved.txt; unknown-tool-yes || true";
    expect(await callTool(tools.run_command, { command })).toMatchObject({ exitCode: 0 });
    expect(await callTool(tools.run_command, { command })).toMatchObject({ exitCode: 0 });
    expect(asked).toEqual([{ command, segment: "unknown-tool-yes", rule: "not in any allow list" }]);
    expect(await exists(join(temp(), "approved.txt"))).toBe(true);

    const declined = await callTool(tools.run_command, { command: "unknown-tool > declined.txt" });
    expect(isToolError(declined) && declined.error).toMatch(/declined/);
    expect(await exists(join(temp(), "declined.txt"))).toBe(false);
    expect(
      events.filter((event) => event.type === "command-decision").map((event) => "approved" in event && event.approved),
    ).toEqual([true, false, false]);
  });

  it("times out and reports it", async () => {
    const { tools } = toolkitWithEvents({ root: temp(), environment });
    expect(await callTool(tools.run_command, { command: "sleep 20", timeout_ms: 200 })).toMatchObject({
      timedOut: true,
      exitCode: null,
    });
  });
});
