import { describe, expect, it } from "vitest";
import { detectTestCommand } from "../../../src/engine/inventory/detect-test-command.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

describe("detectTestCommand", () => {
  const temp = useTempDirectory();

  it("reads verify.command from the settings file first", async () => {
    await writeTree(temp(), {
      ".kiro/settings/specwright.json": JSON.stringify({ verify: { command: "npm run test:unit" } }),
      "package.json": JSON.stringify({ scripts: { test: "vitest run" } }),
    });
    expect(await detectTestCommand(temp())).toEqual({
      command: "npm run test:unit",
      source: ".kiro/settings/specwright.json verify.command",
    });
  });

  it("still reads verify.command when another settings key is invalid", async () => {
    await writeTree(temp(), {
      ".kiro/settings/specwright.json": JSON.stringify({ unknownKey: 1, verify: { command: "just test" } }),
    });
    expect((await detectTestCommand(temp()))?.command).toBe("just test");
  });

  it("uses the package manager the lockfile names", async () => {
    await writeTree(temp(), {
      "package.json": JSON.stringify({ scripts: { test: "vitest run" } }),
      "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
    });
    expect(await detectTestCommand(temp())).toEqual({
      command: "pnpm test",
      source: "package.json scripts.test (pnpm-lock.yaml)",
    });
  });

  it("finds pytest from test files in a nested tests folder, with uv", async () => {
    await writeTree(temp(), {
      "pyproject.toml": '[project]\nname = "svc"\n',
      "uv.lock": "version = 1\n",
      "tests/unit/test_service.py": "def test_ok():\n    assert True\n",
    });
    expect(await detectTestCommand(temp())).toEqual({
      command: "uv run pytest",
      source: "tests/unit/test_service.py (uv.lock)",
    });
  });

  it("finds go test from go.mod, and nothing in an empty folder", async () => {
    expect(await detectTestCommand(temp())).toBeUndefined();
    await writeTree(temp(), { "go.mod": "module example.com/svc\n\ngo 1.22\n" });
    expect(await detectTestCommand(temp())).toEqual({ command: "go test ./...", source: "go.mod" });
  });
});
