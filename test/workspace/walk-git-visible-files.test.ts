import { describe, expect, it } from "vitest";
import { walkGitVisibleFiles } from "../../src/workspace/walk-git-visible-files.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-walk-");

describe("walkGitVisibleFiles", () => {
  it("lets the deepest .gitignore decide, so a negation below beats a rule above", async () => {
    await writeTree(temp(), {
      ".gitignore": "*.log\n",
      "src/.gitignore": "!keep.log\n",
      "src/keep.log": "",
      "src/drop.log": "",
      "top.log": "",
    });
    expect((await walkGitVisibleFiles(temp(), { maxFiles: 100 })).files).toEqual([
      ".gitignore",
      "src/.gitignore",
      "src/keep.log",
    ]);
  });

  it("applies the .gitignore of every folder above `under`, and lists nothing below an ignored one", async () => {
    await writeTree(temp(), {
      "packages/.gitignore": "fixtures/\n*.tmp\n",
      "packages/api/a.ts": "",
      "packages/api/scratch.tmp": "",
      "packages/api/fixtures/big.ts": "",
    });
    expect((await walkGitVisibleFiles(temp(), { under: "packages/api/", maxFiles: 100 })).files).toEqual([
      "packages/api/a.ts",
    ]);
    expect((await walkGitVisibleFiles(temp(), { under: "packages/api/fixtures", maxFiles: 100 })).files).toEqual([]);
    expect((await walkGitVisibleFiles(temp(), { under: ".", maxFiles: 100 })).files).toContain("packages/api/a.ts");
  });

  it("stops entering folders at maxDepth below the start", async () => {
    await writeTree(temp(), { "a.ts": "", "one/b.ts": "", "one/two/c.ts": "" });
    expect((await walkGitVisibleFiles(temp(), { maxFiles: 100, maxDepth: 1 })).files).toEqual(["a.ts", "one/b.ts"]);
    expect((await walkGitVisibleFiles(temp(), { maxFiles: 100, maxDepth: 0 })).files).toEqual(["a.ts"]);
  });

  it("asks the policy which folders to enter and which files to keep", async () => {
    await writeTree(temp(), { "src/a.ts": "", "src/b.md": "", "vendor/c.ts": "" });
    const walk = await walkGitVisibleFiles(temp(), {
      maxFiles: 100,
      enterFolder: (folder) => folder.name !== "vendor",
      keepFile: (file) => file.path.endsWith(".ts"),
    });
    expect(walk.files).toEqual(["src/a.ts"]);
  });

  it("throws for a missing start folder unless told that it may be missing", async () => {
    await expect(walkGitVisibleFiles(temp(), { under: "missing", maxFiles: 100 })).rejects.toThrow();
    expect(await walkGitVisibleFiles(temp(), { under: "missing", maxFiles: 100, missingStartIsEmpty: true })).toEqual({
      files: [],
      truncated: false,
    });
  });
});
