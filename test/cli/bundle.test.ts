import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runNode } from "../helpers/child-process.js";
import { recordingHookRegistration } from "../helpers/module-hooks.js";
import { CLI_PATH } from "../helpers/run-cli.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const BUNDLE = fileURLToPath(new URL("../../dist/bundle/", import.meta.url));
const folder = useTempDirectory();

/** Runs the built CLI with a module hook that records every file module it loads. */
async function modulesLoadedBy(args: readonly string[]): Promise<{ stdout: string; modules: string[] }> {
  const log = join(folder(), "loaded.txt");
  const register = recordingHookRegistration("load", log, 'value.startsWith("file:")');
  const result = await runNode(["--import", `data:text/javascript,${encodeURIComponent(register)}`, CLI_PATH, ...args]);
  expect(result.stderr).toBe("");
  const text = await readFile(log, "utf8");
  return {
    stdout: result.stdout,
    modules: [
      ...new Set(
        text
          .split("\n")
          .filter(Boolean)
          .map((url) => fileURLToPath(url)),
      ),
    ],
  };
}

describe("the bundled CLI", () => {
  it("answers --version from the bundle's entry file alone", async () => {
    const { stdout, modules } = await modulesLoadedBy(["--version"]);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(modules).toEqual([CLI_PATH, join(BUNDLE, "specwright.js")]);
  });

  it("checks from bundle chunks without loading the MCP SDK, the AI SDK or a provider", async () => {
    const root = folder();
    await writeTree(root, SAMPLE_WORKSPACE);
    const { stdout, modules } = await modulesLoadedBy(["check", "--root", root, "--format", "json", "--no-cache"]);
    expect(JSON.parse(stdout).summary.specs).toBe(2);
    expect(modules.every((path) => path === CLI_PATH || path.startsWith(BUNDLE))).toBe(true);
    const loaded = await Promise.all(modules.map((path) => readFile(path, "utf8")));
    // The minified bundle keeps no source-path comments, so a package is told by a declaration it holds;
    // zod (for `.config.kiro`) being found shows the search sees what was loaded.
    expect(loaded.some((text) => text.includes(",ZodError=$constructor("))).toBe(true);
    for (const text of loaded) {
      expect(text).not.toContain("var McpServer=class");
      expect(text).not.toContain("AI_APICallError");
    }
  });
});
