import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listWorkspaceFiles } from "../../../src/workspace/sandbox/list-workspace-files.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-list-");

describe("listWorkspaceFiles", () => {
  it("honours root and nested .gitignore files and .git/info/exclude, and never enters .git", async () => {
    await writeTree(temp(), {
      ".gitignore": "node_modules/\n*.log\ndist\n",
      ".git/HEAD": "ref: refs/heads/main\n",
      ".git/info/exclude": "local-notes.md\n",
      "local-notes.md": "mine",
      "src/index.ts": "x",
      "src/debug.log": "x",
      "src/.gitignore": "generated/\n!keep.log\n",
      "src/keep.log": "x",
      "src/generated/a.ts": "x",
      "node_modules/pkg/index.js": "x",
      "dist/index.js": "x",
      ".github/workflows/ci.yml": "x",
    });
    const listing = await listWorkspaceFiles(temp());
    expect(listing).toEqual({
      files: [".github/workflows/ci.yml", ".gitignore", "src/.gitignore", "src/index.ts", "src/keep.log"],
      truncated: false,
    });
  });

  it("lists one folder, filters, and stops at maxFiles", async () => {
    await writeTree(temp(), { "a/1.ts": "", "a/2.md": "", "a/3.ts": "", "b/4.ts": "" });
    expect((await listWorkspaceFiles(temp(), { under: "a" })).files).toEqual(["a/1.ts", "a/2.md", "a/3.ts"]);
    expect((await listWorkspaceFiles(temp(), { include: (path) => path.endsWith(".ts") })).files).toEqual([
      "a/1.ts",
      "a/3.ts",
      "b/4.ts",
    ]);
    expect(await listWorkspaceFiles(temp(), { maxFiles: 2 })).toEqual({ files: ["a/1.ts", "a/2.md"], truncated: true });
  });

  it("lists symlinks without following them", async () => {
    await writeTree(temp(), { "real/a.ts": "" });
    await symlink(join(temp(), "real"), join(temp(), "alias"));
    expect((await listWorkspaceFiles(temp())).files).toEqual(["alias", "real/a.ts"]);
  });

  it("lists nothing under an ignored folder", async () => {
    await writeTree(temp(), { ".gitignore": "build/\n", "build/out.js": "" });
    expect((await listWorkspaceFiles(temp(), { under: "build" })).files).toEqual([]);
  });
});
