import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { walkRepositoryFiles } from "../../../src/workspace/walk-repository-files.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

describe("walkRepositoryFiles", () => {
  const temp = useTempDirectory();

  it("honours root and nested .gitignore files and skips dependency, build and hidden folders", async () => {
    await writeTree(temp(), {
      ".gitignore": "*.log\ngenerated/\n!keep.log\n",
      ".env": "SECRET=1",
      "app.log": "x",
      "keep.log": "x",
      "src/index.ts": "export const a = 1;\n",
      "src/generated/big.ts": "x",
      "src/web/.gitignore": "cache.json\n",
      "src/web/cache.json": "{}",
      "src/web/page.tsx": "x",
      "node_modules/pkg/index.js": "x",
      "dist/index.js": "x",
      ".venv/lib/site.py": "x",
      ".cache/x.txt": "x",
      ".kiro/steering/tech.md": "# Tech\n",
      ".github/workflows/ci.yml": "on: push\n",
      "target/debug/app": "x",
    });
    const walk = await walkRepositoryFiles(temp());
    expect(walk.truncated).toBe(false);
    expect(walk.files.map((file) => file.path)).toEqual([
      ".github/workflows/ci.yml",
      ".kiro/steering/tech.md",
      "keep.log",
      "src/index.ts",
      "src/web/page.tsx",
    ]);
    expect(walk.files.find((file) => file.path === "src/index.ts")?.bytes).toBe(20);
  });

  it("stops at maxFiles, top of the tree first, and says so", async () => {
    await writeTree(temp(), { "a.txt": "1", "b.txt": "2", "deep/c.txt": "3", "deep/d.txt": "4" });
    const walk = await walkRepositoryFiles(temp(), { maxFiles: 3 });
    expect(walk.truncated).toBe(true);
    expect(walk.files.map((file) => file.path)).toEqual(["a.txt", "b.txt", "deep/c.txt"]);
  });

  it("walks one folder with `under`, and nothing when it is missing", async () => {
    await writeTree(temp(), { "tests/unit/test_a.py": "", "src/a.py": "" });
    expect((await walkRepositoryFiles(temp(), { under: "tests" })).files.map((file) => file.path)).toEqual([
      "tests/unit/test_a.py",
    ]);
    expect((await walkRepositoryFiles(temp(), { under: "missing" })).files).toEqual([]);
  });

  it("does not follow symbolic links to files or folders", async () => {
    await writeTree(temp(), { "src/real.ts": "x", "outside/secret.ts": "x", ".gitignore": "outside/\n" });
    await symlink(join(temp(), "outside"), join(temp(), "src", "linked-folder"));
    await symlink(join(temp(), "outside", "secret.ts"), join(temp(), "src", "linked-file.ts"));
    expect((await walkRepositoryFiles(temp())).files.map((file) => file.path)).toEqual(["src/real.ts"]);
  });

  it("applies the .gitignore files above `under` too", async () => {
    await writeTree(temp(), {
      ".gitignore": "*.tmp\n",
      "packages/.gitignore": "fixtures/\n",
      "packages/api/tests/test_a.py": "",
      "packages/api/tests/scratch.tmp": "",
      "packages/api/tests/fixtures/test_big.py": "",
    });
    const walk = await walkRepositoryFiles(temp(), { under: "packages/api" });
    expect(walk.files.map((file) => file.path)).toEqual(["packages/api/tests/test_a.py"]);
    expect((await walkRepositoryFiles(temp(), { under: "packages/api/tests/fixtures" })).files).toEqual([]);
  });
});
