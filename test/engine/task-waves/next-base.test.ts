import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyToMainTree, baseCommit, nextBase } from "../../../src/engine/task-waves/wave-trees.js";
import { findGitRepository } from "../../../src/workspace/git/git-repository.js";
import { createGitRepository, git } from "../../helpers/git-repository.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const TASKS = ".kiro/specs/demo/tasks.md";

describe("nextBase", () => {
  const directory = useTempDirectory("specwright-next-base-");

  it("is the main tree as the merge will leave it: the merge's paths, the person's edits and marks kept", async () => {
    await createGitRepository(directory(), {
      files: { [TASKS]: "- [ ] 1. One\n", "src/a.js": "a\n", "src/gone.js": "gone\n", "notes.md": "n\n" },
    });
    const repository = await findGitRepository(directory());
    if (repository === undefined) throw new Error("no repository");
    const applied = await baseCommit(repository, "wave base");
    // The wave's merge: a.js changed, gone.js deleted, b.js added, and its own (ignored) marks.
    await writeTree(directory(), { "src/a.js": "a merged\n", "src/b.js": "b\n", [TASKS]: "- [~] 1. One\n" });
    await rm(join(directory(), "src/gone.js"));
    const candidate = await baseCommit(repository, "merge");
    await git(directory(), "checkout", "--", ".");
    await rm(join(directory(), "src/b.js"));
    // Meanwhile in the main tree: the person edits notes.md, the run checks task 1 off.
    await writeTree(directory(), { "notes.md": "edited\n", [TASKS]: "- [x] 1. One\n" });

    const base = await nextBase(repository, "demo", applied, candidate, "next wave base");

    const show = (path: string) => git(directory(), "show", `${base}:${path}`);
    expect(await show("src/a.js")).toBe("a merged\n");
    expect(await show("src/b.js")).toBe("b\n");
    expect(await show("notes.md")).toBe("edited\n");
    expect(await show(TASKS)).toBe("- [x] 1. One\n");
    const listing = (await git(directory(), "ls-tree", "-r", "--name-only", base)).trim().split("\n");
    expect(listing).not.toContain("src/gone.js");
    // Its parent is HEAD, and no branch moved.
    expect((await git(directory(), "rev-parse", `${base}^`)).trim()).toBe(
      (await git(directory(), "rev-parse", "HEAD")).trim(),
    );
    // Once the merge is written into the main tree, the main tree is that base.
    await applyToMainTree(repository, "demo", applied, candidate);
    const tree = async (commit: string) => (await git(directory(), "rev-parse", `${commit}^{tree}`)).trim();
    expect(await tree(await baseCommit(repository, "main tree now"))).toBe(await tree(base));
  });
});
