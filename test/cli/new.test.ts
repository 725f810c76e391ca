import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBugfix } from "../../src/model/bugfix/index.js";
import { parseDesign } from "../../src/model/design/index.js";
import { parseRequirements } from "../../src/model/requirements/index.js";
import { parseSpecConfig } from "../../src/model/settings/index.js";
import { parseTasks } from "../../src/model/tasks/parse-tasks.js";
import { findPlaceholders } from "../../src/model/templates/placeholder.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const PARSERS: Record<string, (text: string) => { diagnostics: readonly { severity: string }[] }> = {
  "requirements.md": parseRequirements,
  "bugfix.md": parseBugfix,
  "design.md": parseDesign,
  "tasks.md": parseTasks,
};

describe("specwright new", () => {
  const directory = useTempDirectory();

  for (const [type, workflow, documents] of [
    ["feature", "requirements-first", ["requirements.md", "design.md", "tasks.md"]],
    ["feature", "design-first", ["design.md", "requirements.md", "tasks.md"]],
    ["bugfix", "requirements-first", ["bugfix.md", "design.md", "tasks.md"]],
  ] as const) {
    it(`creates a ${type} spec (${workflow}) whose documents parse cleanly and are full of placeholders`, async () => {
      await writeTree(directory(), { ".kiro/steering/": "" });
      const result = await runCli(["new", "rate-limiting", "--type", type, "--workflow", workflow, "--json"], {
        cwd: directory(),
      });
      expect(result.code).toBe(0);
      const json = jsonOf(result);
      expect(json).toMatchObject({
        ok: true,
        root: directory(),
        spec: "rate-limiting",
        path: ".kiro/specs/rate-limiting",
        type,
        workflow,
        createdWorkspace: false,
        files: [...documents, ".config.kiro"].map((name) => `.kiro/specs/rate-limiting/${name}`),
      });
      const folder = join(directory(), ".kiro/specs/rate-limiting");
      const config = parseSpecConfig(await readFile(join(folder, ".config.kiro"), "utf8"));
      expect(config.diagnostics).toEqual([]);
      expect(config.config).toEqual({ specId: json.specId, workflowType: workflow, specType: type });
      for (const document of documents) {
        const text = await readFile(join(folder, document), "utf8");
        const parse = PARSERS[document];
        if (!parse) throw new Error(document);
        expect(
          parse(text).diagnostics.filter((diagnostic) => diagnostic.severity !== "info"),
          document,
        ).toEqual([]);
        expect(findPlaceholders(text).length, document).toBeGreaterThan(0);
      }
      const check = jsonOf(await runCli(["check", ".kiro/specs/rate-limiting", "--json"], { cwd: directory() }));
      const diagnostics = check.diagnostics as { rule: string }[];
      expect(diagnostics.length).toBeGreaterThan(5);
      expect(new Set(diagnostics.map((diagnostic) => diagnostic.rule))).toEqual(
        new Set(["structure/unfilled-placeholder"]),
      );
    });
  }

  it("says what it created and what to do next", async () => {
    await writeTree(directory(), { ".kiro/": "" });
    const result = await runCli(["new", "search-index", "--workflow", "design-first"], { cwd: directory() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("created spec search-index (feature, design-first) in .kiro/specs/search-index/");
    expect(result.stdout).toContain("  .kiro/specs/search-index/design.md\n");
    expect(result.stdout).toContain("1. Fill in design.md");
    expect(result.stdout).toContain("2. Fill in requirements.md: derive the acceptance criteria from the design");
    expect(result.stdout).toContain("specwright check .kiro/specs/search-index");
    expect(result.stdout).not.toContain("note:");
  });

  it("creates .kiro/ where it runs when none exists, and says so", async () => {
    const result = await runCli(["new", "first-spec"], { cwd: directory() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`note: no .kiro/ folder was found, so one was created in ${directory()}`);
    expect(await readdir(join(directory(), ".kiro/specs"))).toEqual(["first-spec"]);
  });

  it("refuses an existing spec with exit 1 and changes nothing", async () => {
    await writeTree(directory(), { ".kiro/specs/rate-limiting/requirements.md": "# Mine\n" });
    const result = await runCli(["new", "rate-limiting", "--json"], { cwd: directory() });
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "spec-exists" } });
    expect(await readdir(join(directory(), ".kiro/specs/rate-limiting"))).toEqual(["requirements.md"]);
    expect(await readFile(join(directory(), ".kiro/specs/rate-limiting/requirements.md"), "utf8")).toBe("# Mine\n");
    const text = await runCli(["new", "rate-limiting"], { cwd: directory() });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('A spec named "rate-limiting" already exists');
    expect(text.stderr).toContain("fix:");
  });

  it("refuses invalid names with exit 2, a clear message and the kebab-case form", async () => {
    for (const [name, message] of [
      ["Rate Limiting", "is not a kebab-case name"],
      ["../escape", "is a path"],
      ["a/b", "is a path"],
      ["..", "is a path"],
      ["", "is empty"],
    ] as const) {
      const result = await runCli(["new", name, "--json"], { cwd: directory() });
      expect(result.code, name).toBe(2);
      const error = jsonOf(result).error as { code: string; message: string; fix: string };
      expect(error.code, name).toBe("invalid-spec-name");
      expect(error.message, name).toContain(message);
      expect(error.fix, name).not.toBe("");
    }
    const text = await runCli(["new", "Rate Limiting"], { cwd: directory() });
    expect(text.stderr).toContain("fix: Use rate-limiting.");
    expect(await readdir(directory())).toEqual([]);
  });

  it("refuses an unknown type and a design-first bugfix as usage errors", async () => {
    const type = await runCli(["new", "x", "--type", "epic", "--json"], { cwd: directory() });
    expect(type.code).toBe(2);
    expect(jsonOf(type)).toMatchObject({ ok: false, error: { code: "usage" } });
    const workflow = await runCli(["new", "x", "--type", "bugfix", "--workflow", "design-first", "--json"], {
      cwd: directory(),
    });
    expect(workflow.code).toBe(2);
    expect(jsonOf(workflow)).toMatchObject({ ok: false, error: { code: "invalid-workflow" } });
    expect(await readdir(directory())).toEqual([]);
  });

  it("shows examples in --help", async () => {
    const help = await runCli(["new", "--help"], { cwd: directory() });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).toContain("$ specwright new rate-limiting");
    expect(help.stdout).toContain("--type <type>");
    expect(help.stdout).toContain("--workflow <workflow>");
  });
});
