import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDirectoryExclusive } from "../../../src/workspace/create-directory-exclusive.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

describe("createDirectoryExclusive", () => {
  const directory = useTempDirectory();

  it("creates the folder with its files, assembled in the staging folder", async () => {
    await writeTree(directory(), { "staging/": "", "specs/": "" });
    const target = join(directory(), "specs/x");
    const files = [
      { name: "a.md", content: "A\n" },
      { name: ".config.kiro", content: "{}" },
    ];
    expect(await createDirectoryExclusive(target, files, { stagingDirectory: join(directory(), "staging") })).toBe(
      "created",
    );
    expect((await readdir(target)).sort()).toEqual([".config.kiro", "a.md"]);
    expect(await readFile(join(target, "a.md"), "utf8")).toBe("A\n");
    expect(await readdir(join(directory(), "staging"))).toEqual([]);
  });

  it("leaves no trace when building the folder fails half-way", async () => {
    const target = join(directory(), "x");
    const files = [
      { name: "a.md", content: "A" },
      { name: "missing-folder/b.md", content: "B" },
    ];
    await expect(createDirectoryExclusive(target, files)).rejects.toMatchObject({ code: "not-found" });
    expect(await readdir(directory())).toEqual([]);
  });

  it("reports an existing target without touching it", async () => {
    await writeTree(directory(), { "x/keep.md": "keep" });
    expect(await createDirectoryExclusive(join(directory(), "x"), [{ name: "a.md", content: "A" }])).toBe("exists");
    expect(await readdir(join(directory(), "x"))).toEqual(["keep.md"]);
    expect(await readdir(directory())).toEqual(["x"]);
  });
});
