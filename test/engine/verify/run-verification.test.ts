import { describe, expect, it } from "vitest";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { runVerification } from "../../../src/engine/verify/run-verification.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-verify-");
const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME };

describe("runVerification", () => {
  it("passes when the command exits 0 and names where the command came from", async () => {
    const result = await runVerification({ root: temp(), command: "echo all green", env: baseEnv });
    expect(result).toMatchObject({
      passed: true,
      command: "echo all green",
      source: "argument",
      exitCode: 0,
      timedOut: false,
      output: "all green\n",
      truncated: false,
    });
  });

  it("fails with the output when the command exits non-zero", async () => {
    const result = await runVerification({ root: temp(), command: "echo '1 test failed' >&2; exit 1", env: baseEnv });
    expect(result).toMatchObject({ passed: false, exitCode: 1, output: "1 test failed\n" });
  });

  it("fails when the command times out", async () => {
    const result = await runVerification({ root: temp(), command: "sleep 30", timeoutMs: 200, env: baseEnv });
    expect(result).toMatchObject({ passed: false, timedOut: true });
  });

  it("uses verify.command and verify.timeoutMs from the settings passed in", async () => {
    const result = await runVerification({
      root: temp(),
      env: baseEnv,
      settings: { verify: { command: "exit 0", timeoutMs: 5000 } },
    });
    expect(result).toMatchObject({ passed: true, command: "exit 0", source: "settings verify.command" });
  });

  it("detects the project's test command when none is given", async () => {
    await writeTree(temp(), {
      "package.json": JSON.stringify({ name: "tiny", version: "1.0.0", scripts: { test: "node check.js" } }),
      "check.js": "console.log('tiny suite ok');",
    });
    const result = await runVerification({ root: temp(), env: { ...process.env } });
    expect(result.command).toBe("npm test");
    expect(result.source).toMatch(/package\.json/);
    expect(result.passed).toBe(true);
    expect(result.output).toContain("tiny suite ok");
  });

  it("refuses with no-test-command and a fix when nothing says how to test", async () => {
    const error = await runVerification({ root: temp(), env: baseEnv }).catch((caught: unknown) => caught);
    if (!(error instanceof EngineError)) throw new Error(`expected an EngineError, got ${String(error)}`);
    expect(error).toMatchObject({ code: "no-test-command", kind: "refused" });
    expect(error.fix).toContain("verify.command");
  });

  it("the tests do not inherit secrets from the environment unless agent.passEnv names them", async () => {
    const result = await runVerification({
      root: temp(),
      command: "env",
      env: { ...baseEnv, OPENAI_API_KEY: "sk-secret", GITHUB_TOKEN: "ghp-secret", NPM_TOKEN: "npm-secret", PLAIN: "1" },
      settings: { agent: { passEnv: ["NPM_TOKEN"] } },
    });
    const lines = result.output.split("\n");
    expect(lines).toContain("PLAIN=1");
    expect(lines).toContain("NPM_TOKEN=npm-secret");
    expect(result.output).not.toContain("sk-secret");
    expect(result.output).not.toContain("ghp-secret");
  });
});
