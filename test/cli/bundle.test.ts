import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runNode } from "../helpers/child-process.js";
import { recordingHookRegistration } from "../helpers/module-hooks.js";
import { CLI_PATH } from "../helpers/run-cli.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const BUNDLE = fileURLToPath(new URL("../../dist/bundle/", import.meta.url));
const SOLE_COMMAND_FILE = join(BUNDLE, "specwright-check.js");
const folder = useTempDirectory();

interface BundleRun {
  readonly stdout: string;
  /** Every file module loaded, in order. */
  readonly modules: string[];
  /** The packages whose modules were evaluated (their code ran), by V8's coverage of the run. */
  readonly evaluated: Record<Package, boolean>;
}

type Package = "zod" | "yaml" | "jsoncParser";

const PACKAGE_FOLDERS: Record<Package, string> = {
  zod: "node_modules/zod/",
  yaml: "node_modules/yaml/",
  jsoncParser: "node_modules/jsonc-parser/",
};

/**
 * Runs the built CLI with a module hook that records every file module it loads, and V8's coverage on. In
 * the unsplit file of `check` and `status`, a module is a function named by its path that runs on its first
 * import: the package was evaluated when one of its modules' functions ran.
 */
async function bundleRun(args: readonly string[]): Promise<BundleRun> {
  const log = join(folder(), "loaded.txt");
  const coverage = join(folder(), "coverage");
  const register = recordingHookRegistration("load", log, 'value.startsWith("file:")');
  const result = await runNode(
    ["--import", `data:text/javascript,${encodeURIComponent(register)}`, CLI_PATH, ...args],
    {
      NODE_V8_COVERAGE: coverage,
    },
  );
  expect(result.stderr).toBe("");
  const text = await readFile(log, "utf8");
  const modules = [
    ...new Set(
      text
        .split("\n")
        .filter(Boolean)
        .map((url) => fileURLToPath(url)),
    ),
  ];
  const ran = await functionsThatRan(coverage);
  const evaluated = Object.fromEntries(
    Object.entries(PACKAGE_FOLDERS).map(([name, path]) => [name, ran.some((fn) => fn.startsWith(path))]),
  ) as Record<Package, boolean>;
  return { stdout: result.stdout, modules, evaluated };
}

interface CoverageFile {
  readonly result: readonly {
    readonly url: string;
    readonly functions: readonly {
      readonly functionName: string;
      readonly ranges: readonly { readonly count: number }[];
    }[];
  }[];
}

/** Names of the functions of the bundle's files that ran at least once. */
async function functionsThatRan(coverage: string): Promise<string[]> {
  const names: string[] = [];
  for (const file of await readdir(coverage)) {
    const report = JSON.parse(await readFile(join(coverage, file), "utf8")) as CoverageFile;
    for (const script of report.result) {
      if (!script.url.startsWith("file:") || !fileURLToPath(script.url).startsWith(BUNDLE)) continue;
      for (const fn of script.functions) if ((fn.ranges[0]?.count ?? 0) > 0) names.push(fn.functionName);
    }
  }
  return names;
}

/** Whether the files hold the MCP SDK or the AI SDK (the minified bundle keeps declarations' names). */
async function holdsSdks(modules: readonly string[]): Promise<{ mcp: boolean; ai: boolean }> {
  const texts = await Promise.all(modules.map((path) => readFile(path, "utf8")));
  const holds = (declaration: string) => texts.some((text) => text.includes(declaration));
  return { mcp: holds("var McpServer=class"), ai: holds("AI_APICallError") };
}

describe("the bundled CLI", () => {
  it("answers --version from the bundle's entry file alone", async () => {
    const { stdout, modules } = await bundleRun(["--version"]);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(modules).toEqual([CLI_PATH, join(BUNDLE, "specwright.js")]);
  });

  it("checks from one file of its own, without the MCP SDK, the AI SDK or a provider", async () => {
    const root = folder();
    await writeTree(root, SAMPLE_WORKSPACE);
    const { stdout, modules, evaluated } = await bundleRun(["check", "--root", root, "--format", "json", "--no-cache"]);
    expect(JSON.parse(stdout).summary.specs).toBe(2);
    expect(modules).toEqual([CLI_PATH, join(BUNDLE, "specwright.js"), SOLE_COMMAND_FILE]);
    expect(await holdsSdks(modules)).toEqual({ mcp: false, ai: false });
    // Kiro's plain `.config.kiro` files need jsonc-parser (positions) but not the schema.
    expect(evaluated).toEqual({ zod: false, yaml: false, jsoncParser: true });
  });

  it("shows status from the same file", async () => {
    const root = folder();
    await writeTree(root, SAMPLE_WORKSPACE);
    const { stdout, modules } = await bundleRun(["status", "--root", root, "--json", "--no-cache"]);
    expect(JSON.parse(stdout).specs).toHaveLength(2);
    expect(modules).toEqual([CLI_PATH, join(BUNDLE, "specwright.js"), SOLE_COMMAND_FILE]);
  });

  it("runs every other command from the split chunks, not from the file of check and status", async () => {
    const { stdout, modules } = await bundleRun(["list", "--help"]);
    expect(stdout).toContain("list");
    expect(modules).not.toContain(SOLE_COMMAND_FILE);
    expect(modules.length).toBeGreaterThan(2);
  });

  it("evaluates zod for a `.config.kiro` only the schema can judge, with the same verdicts", async () => {
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
    const plain = await bundleRun([...args, plainRoot]);
    const { stdout, evaluated } = await bundleRun([...args, root]);
    const withoutRoot = (text: string) => ({ ...JSON.parse(text), root: undefined });
    expect(withoutRoot(stdout)).toEqual(withoutRoot(plain.stdout));
    // zod being seen shows the coverage sees what ran.
    expect(evaluated).toEqual({ zod: true, yaml: false, jsoncParser: true });
  });

  it("checks markdown specs without evaluating zod, yaml or jsonc-parser, and steering with yaml alone", async () => {
    const root = folder();
    const markdownOnly = Object.fromEntries(
      Object.entries(SAMPLE_WORKSPACE).filter(([path]) => !path.endsWith(".config.kiro")),
    );
    await writeTree(root, markdownOnly);
    const bare = await bundleRun(["check", "--root", root, "--format", "json", "--no-cache"]);
    expect(JSON.parse(bare.stdout).summary.specs).toBe(2);
    expect(bare.evaluated).toEqual({ zod: false, yaml: false, jsoncParser: false });

    await writeTree(root, { ".kiro/steering/product.md": "---\ninclusion: always\n---\n\n# Product\n\nA tool.\n" });
    const steering = await bundleRun(["check", "--root", root, "--format", "json", "--no-cache"]);
    expect(JSON.parse(steering.stdout).summary.files).toBe(JSON.parse(bare.stdout).summary.files + 1);
    expect(steering.evaluated).toEqual({ zod: false, yaml: true, jsoncParser: false });
  });
});
