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
    // Kiro's plain `.config.kiro` files need jsonc-parser (positions) but not the schema.
    expect(await packagesIn(modules)).toEqual({ zod: false, yaml: false, jsoncParser: true, mcp: false, ai: false });
  });

  it("loads zod for a `.config.kiro` only the schema can judge, with the same verdicts", async () => {
    const plainRoot = folder();
    await writeTree(plainRoot, SAMPLE_WORKSPACE);
    const root = join(plainRoot, "with-paths");
    await writeTree(root, {
      ...SAMPLE_WORKSPACE,
      // Specwright's own field: not a plain Kiro config, so the schema reads it.
      ".kiro/specs/double-save/.config.kiro":
        '{"specId": "5d0c9e8b-1a2f-4b3c-8d7e-6f5a4b3c2d1e", "specType": "bugfix", "paths": ["src/**"]}',
    });
    const args = ["check", "--format", "json", "--no-cache", "--root"];
    const plain = await modulesLoadedBy([...args, plainRoot]);
    const { stdout, modules } = await modulesLoadedBy([...args, root]);
    const withoutRoot = (text: string) => ({ ...JSON.parse(text), root: undefined });
    expect(withoutRoot(stdout)).toEqual(withoutRoot(plain.stdout));
    // zod being found shows the search sees what was loaded.
    expect(await packagesIn(modules)).toEqual({ zod: true, yaml: false, jsoncParser: true, mcp: false, ai: false });
  });

  it("checks markdown specs without zod, yaml or jsonc-parser, and steering with yaml alone", async () => {
    const root = folder();
    const markdownOnly = Object.fromEntries(
      Object.entries(SAMPLE_WORKSPACE).filter(([path]) => !path.endsWith(".config.kiro")),
    );
    await writeTree(root, markdownOnly);
    const bare = await modulesLoadedBy(["check", "--root", root, "--format", "json", "--no-cache"]);
    expect(JSON.parse(bare.stdout).summary.specs).toBe(2);
    expect(await packagesIn(bare.modules)).toEqual({
      zod: false,
      yaml: false,
      jsoncParser: false,
      mcp: false,
      ai: false,
    });

    await writeTree(root, { ".kiro/steering/product.md": "---\ninclusion: always\n---\n\n# Product\n\nA tool.\n" });
    const steering = await modulesLoadedBy(["check", "--root", root, "--format", "json", "--no-cache"]);
    expect(JSON.parse(steering.stdout).summary.files).toBe(JSON.parse(bare.stdout).summary.files + 1);
    expect(await packagesIn(steering.modules)).toEqual({
      zod: false,
      yaml: true,
      jsoncParser: false,
      mcp: false,
      ai: false,
    });
  });
});

/**
 * Which packages the loaded files hold. The minified bundle keeps no source-path comments, so a package is
 * told by a declaration it holds.
 */
async function packagesIn(modules: readonly string[]): Promise<Record<string, boolean>> {
  const texts = await Promise.all(modules.map((path) => readFile(path, "utf8")));
  const holds = (declaration: string) => texts.some((text) => text.includes(declaration));
  return {
    zod: holds(",ZodError=$constructor("),
    yaml: holds("YAMLParseError=class"),
    jsoncParser: holds("function printParseErrorCode("),
    mcp: holds("var McpServer=class"),
    ai: holds("AI_APICallError"),
  };
}
