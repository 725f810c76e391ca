import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { SAMPLE_TASKS, SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const TASKS = ".kiro/specs/rate-limiting/tasks.md";
/** A task pointing at a criterion that does not exist: an error. */
const BROKEN = {
  ...SAMPLE_WORKSPACE,
  [TASKS]: SAMPLE_TASKS.replace("_Requirements: 2.1_", "_Requirements: 2.1, 9.9_"),
};

describe("specwright check", () => {
  const directory = useTempDirectory();

  it("passes a consistent workspace with exit 0 and a summary", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const result = await runCli(["check"], { cwd: directory() });
    expect(result.stdout).toMatch(/0 errors, 0 warnings, \d+ infos? \(\d+ files in 2 specs checked\)/);
    expect(result.code).toBe(0);
  });

  it("reports an error as file:line:col, severity, rule and fix, and exits 1", async () => {
    await writeTree(directory(), BROKEN);
    const result = await runCli(["check"], { cwd: directory() });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${TASKS}:11:27  error    traceability/unknown-reference  Task 2.1 references 9.9, which is not a criterion of this spec.`,
    );
    expect(result.stdout).toMatch(/\n {4}fix: .*9\.9/);
    expect(result.stdout).toMatch(/✖ 1 error/);
  });

  it("prints one JSON document with 1-based positions relative to the root", async () => {
    await writeTree(directory(), BROKEN);
    const result = await runCli(["check", "--format", "json"], { cwd: join(directory(), ".kiro") });
    expect(result.code).toBe(1);
    const document = jsonOf(result);
    expect(document.diagnostics).toContainEqual({
      file: TASKS,
      line: 11,
      column: 27,
      endLine: 11,
      endColumn: 30,
      severity: "error",
      rule: "traceability/unknown-reference",
      message: "Task 2.1 references 9.9, which is not a criterion of this spec.",
      fix: expect.stringContaining("9.9"),
    });
    expect(document.summary).toMatchObject({ errors: 1, specs: 2 });
  });

  it("writes SARIF 2.1.0 with the rules and a region per result", async () => {
    await writeTree(directory(), BROKEN);
    const result = await runCli(["check", "--format", "sarif"], { cwd: directory() });
    const sarif = jsonOf(result) as {
      version: string;
      runs: Array<{ tool: { driver: { rules: unknown[] } }; results: unknown[] }>;
    };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]?.tool.driver.rules.length).toBeGreaterThan(10);
    expect(sarif.runs[0]?.results).toContainEqual(
      expect.objectContaining({
        ruleId: "traceability/unknown-reference",
        level: "error",
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: TASKS, uriBaseId: "%SRCROOT%" },
              region: expect.objectContaining({ startLine: 11, startColumn: 27 }),
            },
          },
        ],
      }),
    );
  });

  it("fails on warnings only with --strict", async () => {
    const uncovered = SAMPLE_TASKS.replace("_Requirements: 2.1_", "_Requirements: 1.1_");
    await writeTree(directory(), { ...SAMPLE_WORKSPACE, [TASKS]: uncovered });
    const relaxed = await runCli(["check", "--json"], { cwd: directory() });
    expect(relaxed.code).toBe(0);
    expect(jsonOf(relaxed).summary).toMatchObject({ errors: 0, warnings: 1 });
    const strict = await runCli(["check", "--strict"], { cwd: directory() });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("traceability/uncovered-criterion");
  });

  it("follows the settings file and disable comments", async () => {
    await writeTree(directory(), {
      ...BROKEN,
      ".kiro/settings/specwright.json": '{"rules": {"traceability/unknown-reference": "warning"}}',
    });
    const lowered = await runCli(["check", "--json"], { cwd: directory() });
    expect(lowered.code).toBe(0);
    expect(jsonOf(lowered).summary).toMatchObject({ errors: 0, warnings: 1 });

    const silenced = SAMPLE_TASKS.replace(
      "    - _Requirements: 2.1_",
      "    <!-- specwright-disable-next-line traceability/unknown-reference -->\n    - _Requirements: 2.1, 9.9_",
    );
    await writeTree(directory(), { ...SAMPLE_WORKSPACE, [TASKS]: silenced, ".kiro/settings/specwright.json": "{}" });
    const quiet = await runCli(["check", "--json"], { cwd: directory() });
    expect(jsonOf(quiet).summary).toMatchObject({ errors: 0 });
  });

  it("reports unknown settings keys and rule ids instead of ignoring them", async () => {
    await writeTree(directory(), {
      ...SAMPLE_WORKSPACE,
      ".kiro/settings/specwright.json": '{"rulez": {}, "rules": {"traceability/unknown-refs": "off"}}',
    });
    const result = await runCli(["check", "--json"], { cwd: directory() });
    expect(result.code).toBe(1);
    const rules = (jsonOf(result).diagnostics as Array<{ rule: string; message: string }>).filter(
      (diagnostic) => diagnostic.rule === "settings/specwright-schema",
    );
    expect(rules.map((diagnostic) => diagnostic.message).join("\n")).toMatch(/rulez/);
  });

  it("narrows the report to the paths given, and refuses a path outside the workspace", async () => {
    await writeTree(directory(), { ...BROKEN, ".kiro/specs/other/requirements.md": "# Requirements Document\n" });
    const narrowed = await runCli(["check", ".kiro/specs/other", "--json"], { cwd: directory() });
    expect(
      (jsonOf(narrowed).diagnostics as Array<{ file: string }>).every((d) => d.file.startsWith(".kiro/specs/other/")),
    ).toBe(true);
    expect(narrowed.code).toBe(0);
    const outside = await runCli(["check", "/nonexistent", "--json"], { cwd: directory() });
    expect(outside.code).toBe(2);
    expect(jsonOf(outside)).toMatchObject({ ok: false, error: { code: "unknown-path" } });
  });

  it("reports an unreadable file and keeps checking the rest", async () => {
    await writeTree(directory(), {
      ...BROKEN,
      ".kiro/specs/rate-limiting/design.md": new Uint8Array([0xff, 0xfe, 0x00]),
    });
    const result = await runCli(["check", "--json"], { cwd: directory() });
    const diagnostics = jsonOf(result).diagnostics as Array<{ rule: string; file: string }>;
    expect(diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(
      expect.arrayContaining(["structure/unreadable-file", "traceability/unknown-reference"]),
    );
    expect(diagnostics.find((diagnostic) => diagnostic.rule === "structure/unreadable-file")?.file).toBe(
      ".kiro/specs/rate-limiting/design.md",
    );
  });

  it("lists the rules", async () => {
    const result = await runCli(["check", "--list-rules", "--json"], { cwd: directory() });
    expect(result.code).toBe(0);
    const rules = jsonOf(result).rules as Array<{ id: string; summary: string }>;
    expect(rules.map((rule) => rule.id)).toContain("traceability/uncovered-criterion");
    expect(rules.every((rule) => rule.summary.length > 10)).toBe(true);
  });
});

describe("specwright check cache", () => {
  const directory = useTempDirectory();

  it("reuses results of unchanged specs, and checks a changed spec again", async () => {
    const cache = join(directory(), "cache");
    const env = { SPECWRIGHT_CACHE_DIR: cache };
    const workspace = join(directory(), "repo");
    await writeTree(workspace, SAMPLE_WORKSPACE);
    expect((await runCli(["check", "--json"], { cwd: workspace, env })).code).toBe(0);

    // Plant a finding in the cache: it is reported only while the spec is unchanged and the cache is used.
    const { readdir, writeFile } = await import("node:fs/promises");
    const [cacheFile] = await readdir(cache);
    const cachePath = join(cache, cacheFile ?? "");
    const stored = JSON.parse(await readFile(cachePath, "utf8")) as {
      entries: Record<string, { diagnostics: unknown[] }>;
    };
    stored.entries["rate-limiting"]?.diagnostics.push({
      rule: "structure/duplicate-id",
      severity: "error",
      file: ".kiro/specs/rate-limiting/tasks.md",
      location: { offset: 0, endOffset: 1, line: 1, column: 1, endLine: 1, endColumn: 2 },
      message: "planted in the cache",
      fix: "none",
    });
    await writeFile(cachePath, JSON.stringify(stored));
    const cached = await runCli(["check", "--json"], { cwd: workspace, env });
    expect(JSON.stringify(jsonOf(cached).diagnostics)).toContain("planted in the cache");
    const fresh = await runCli(["check", "--json", "--no-cache"], { cwd: workspace, env });
    expect(JSON.stringify(jsonOf(fresh).diagnostics)).not.toContain("planted in the cache");

    await writeTree(workspace, { [TASKS]: BROKEN[TASKS] ?? "" });
    const changed = await runCli(["check", "--json"], { cwd: workspace, env });
    const text = JSON.stringify(jsonOf(changed).diagnostics);
    expect(text).not.toContain("planted in the cache");
    expect(text).toContain("9.9");
    expect(changed.code).toBe(1);
  });

  it("checks steering again when it or a file it includes changes", async () => {
    const env = { SPECWRIGHT_CACHE_DIR: join(directory(), "cache") };
    const workspace = join(directory(), "repo");
    const steering = ".kiro/steering/api.md";
    await writeTree(workspace, { ...SAMPLE_WORKSPACE, [steering]: "# API\n\n#[[file:docs/api.yaml]]\n" });
    const rules = async () =>
      (jsonOf(await runCli(["check", "--json"], { cwd: workspace, env })).diagnostics as Array<{ rule: string }>).map(
        (diagnostic) => diagnostic.rule,
      );
    expect(await rules()).toContain("steering/missing-file-reference");
    expect(await rules()).toContain("steering/missing-file-reference");
    await writeTree(workspace, { "docs/api.yaml": "openapi: 3.1.0\n" });
    expect(await rules()).not.toContain("steering/missing-file-reference");
    await writeTree(workspace, {
      [steering]: '---\ninclusion: fileMatch\nfileMatchPattern: "**/*.ts, **/*.tsx"\n---\n# API\n',
    });
    expect(await rules()).toContain("steering/comma-separated-pattern");
  });
});
