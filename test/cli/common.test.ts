import { describe, expect, it } from "vitest";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

describe("every command", () => {
  const directory = useTempDirectory();

  it("prints the package version", async () => {
    const { version } = (await import("../../package.json", { with: { type: "json" } })).default;
    const result = await runCli(["--version"], { cwd: directory() });
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each(["list", "status", "export", "task"])("%s --help teaches with examples", async (command) => {
    const result = await runCli([command, "--help"], { cwd: directory() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: specwright ${command}`);
    expect(result.stdout).toContain("Examples:");
    expect(result.stdout).toContain("--json");
  });

  it("answers an unknown command with a usage error (exit 2)", async () => {
    const result = await runCli(["frobnicate"], { cwd: directory() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it("answers an unknown option with one JSON document under --json", async () => {
    const result = await runCli(["status", "--bogus", "--json"], { cwd: directory() });
    expect(result.code).toBe(2);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "usage" } });
    expect(result.stderr).toBe("");
  });

  it("takes --root instead of searching upward", async () => {
    const result = await runCli(["list", "--root", directory(), "--json"], { cwd: "/" });
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "no-kiro-root" } });
  });
});
