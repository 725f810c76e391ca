import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const FILES = [
  ".kiro/steering/product.md",
  ".kiro/steering/tech.md",
  ".kiro/steering/structure.md",
  ".kiro/settings/specwright.json",
];

const PROJECT = {
  "package.json": JSON.stringify({ name: "acme-api", description: "Orders and webhooks", scripts: { test: "vitest" } }),
  "package-lock.json": "{}",
  "src/index.ts": "",
  "src/routes.ts": "",
  "infra/main.tf": "",
};

async function snapshot(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const path of FILES) files.set(path, await readFile(join(root, path), "utf8"));
  return files;
}

describe("specwright init", () => {
  const directory = useTempDirectory();

  it("creates the steering files and settings with the repository's facts filled in", async () => {
    await writeTree(directory(), PROJECT);
    const result = await runCli(["init", "--json"], { cwd: directory() });
    expect(result.code).toBe(0);
    expect(jsonOf(result)).toMatchObject({ ok: true, root: directory(), created: FILES, skipped: [] });
    const files = await snapshot(directory());
    expect(files.get(".kiro/steering/product.md")).toContain("acme-api: Orders and webhooks");
    const tech = files.get(".kiro/steering/tech.md") ?? "";
    expect(tech).toContain("inclusion: always");
    expect(tech).toContain("- TypeScript (2 files)");
    expect(tech).toContain("- npm (`package-lock.json`)");
    expect(tech).toContain("- `npm run test`: `vitest`");
    const structure = files.get(".kiro/steering/structure.md") ?? "";
    expect(structure).toContain("- `src/`: source code");
    expect(structure).toContain("- `infra/`: <fill: what the infra folder holds>");
    expect(JSON.parse(files.get(".kiro/settings/specwright.json") ?? "")).toEqual({ rules: {} });
  });

  it("a second run skips everything and changes no byte", async () => {
    await writeTree(directory(), PROJECT);
    expect((await runCli(["init"], { cwd: directory() })).code).toBe(0);
    const before = await snapshot(directory());
    const again = await runCli(["init"], { cwd: directory() });
    expect(again.code).toBe(0);
    for (const file of FILES) expect(again.stdout).toContain(`skipped  ${file} (already exists, left unchanged)`);
    expect(again.stdout).toContain("Nothing to do");
    expect(await snapshot(directory())).toEqual(before);
    const json = jsonOf(await runCli(["init", "--json"], { cwd: directory() }));
    expect(json).toMatchObject({ ok: true, created: [], skipped: FILES });
    expect(await snapshot(directory())).toEqual(before);
    expect((await readdir(join(directory(), ".kiro/steering"))).sort()).toEqual([
      "product.md",
      "structure.md",
      "tech.md",
    ]);
  });

  it("keeps an existing product.md and creates the rest", async () => {
    await writeTree(directory(), { ...PROJECT, ".kiro/steering/product.md": "---\ninclusion: manual\n---\nOurs.\n" });
    const result = await runCli(["init"], { cwd: directory() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("created  .kiro/steering/tech.md");
    expect(result.stdout).toContain("skipped  .kiro/steering/product.md");
    expect(await readFile(join(directory(), ".kiro/steering/product.md"), "utf8")).toBe(
      "---\ninclusion: manual\n---\nOurs.\n",
    );
  });

  it("works on --root and refuses a root that does not exist, as one JSON document", async () => {
    await writeTree(directory(), { "app/package.json": '{"name": "app"}' });
    const result = await runCli(["init", "--root", "app", "--json"], { cwd: directory() });
    expect(jsonOf(result)).toMatchObject({ ok: true, root: join(directory(), "app"), created: FILES });
    const missing = await runCli(["init", "--root", "nope", "--json"], { cwd: directory() });
    expect(missing.code).toBe(1);
    expect(jsonOf(missing)).toMatchObject({ ok: false, error: { code: "root-not-found" } });
  });

  it("its placeholders are what check reports as unfilled", async () => {
    await writeTree(directory(), PROJECT);
    await runCli(["init"], { cwd: directory() });
    const check = jsonOf(await runCli(["check", "--json"], { cwd: directory() }));
    const diagnostics = check.diagnostics as { rule: string; file: string }[];
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(new Set(diagnostics.map((diagnostic) => diagnostic.rule))).toEqual(
      new Set(["structure/unfilled-placeholder"]),
    );
  });

  it("shows examples in --help", async () => {
    const help = await runCli(["init", "--help"], { cwd: directory() });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).toContain("$ specwright init");
  });
});
