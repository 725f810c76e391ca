import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { initWorkspace } from "../../../src/engine/init/init-workspace.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const FILES = [
  ".kiro/steering/product.md",
  ".kiro/steering/tech.md",
  ".kiro/steering/structure.md",
  ".kiro/settings/specwright.json",
];

describe("initWorkspace", () => {
  const directory = useTempDirectory();

  it("creates .kiro/ with the steering files and settings, filled from the repository", async () => {
    await writeTree(directory(), { "package.json": '{"name": "acme", "description": "Sells anvils"}', "src/a.ts": "" });
    const result = await initWorkspace({ cwd: directory() });
    expect(result).toMatchObject({ root: directory(), created: FILES, skipped: [] });
    expect(await readFile(join(directory(), ".kiro/steering/product.md"), "utf8")).toContain("acme: Sells anvils");
    expect(await readFile(join(directory(), ".kiro/steering/tech.md"), "utf8")).toContain("- TypeScript (1 file)");
  });

  it("never overwrites: an existing file is skipped and kept byte for byte", async () => {
    await writeTree(directory(), { ".kiro/steering/product.md": "# Mine\r\n" });
    const result = await initWorkspace({ cwd: directory() });
    expect(result.created).toEqual(FILES.filter((file) => !file.endsWith("product.md")));
    expect(result.skipped).toEqual([".kiro/steering/product.md"]);
    expect(await readFile(join(directory(), ".kiro/steering/product.md"), "utf8")).toBe("# Mine\r\n");
    expect(await readdir(join(directory(), ".kiro/steering"))).toEqual(["product.md", "structure.md", "tech.md"]);
  });

  it("works in --root, and refuses a root that does not exist", async () => {
    await mkdir(join(directory(), "project"));
    const result = await initWorkspace({ cwd: directory(), root: "project" });
    expect(result.root).toBe(join(directory(), "project"));
    await expect(initWorkspace({ cwd: directory(), root: "missing" })).rejects.toMatchObject({
      code: "root-not-found",
      kind: "refused",
    });
    await expect(initWorkspace({ cwd: directory(), root: "missing" })).rejects.toBeInstanceOf(EngineError);
  });

  it("refuses a .kiro that is a file, with a fix", async () => {
    await writeTree(directory(), { ".kiro": "not a folder" });
    await expect(initWorkspace({ cwd: directory() })).rejects.toMatchObject({ code: "kiro-not-a-folder" });
    expect(await readFile(join(directory(), ".kiro"), "utf8")).toBe("not a folder");
  });

  it("says when it makes a workspace nested inside another", async () => {
    await writeTree(directory(), { ".kiro/steering/x.md": "x", "packages/web/": "" });
    const result = await initWorkspace({ cwd: join(directory(), "packages/web") });
    expect(result.enclosingWorkspace).toBe(directory());
    const again = await initWorkspace({ cwd: join(directory(), "packages/web") });
    expect(again.enclosingWorkspace).toBeUndefined();
  });

  it("two inits racing write each file once and leave no temp files", async () => {
    const results = await Promise.all([initWorkspace({ cwd: directory() }), initWorkspace({ cwd: directory() })]);
    const created = results.flatMap((result) => result.created).sort();
    expect(created).toEqual([...FILES].sort());
    expect(results.flatMap((result) => result.skipped).sort()).toEqual([...FILES].sort());
    expect((await readdir(join(directory(), ".kiro/steering"))).sort()).toEqual([
      "product.md",
      "structure.md",
      "tech.md",
    ]);
    expect(await readdir(join(directory(), ".kiro/settings"))).toEqual(["specwright.json"]);
  });
});
