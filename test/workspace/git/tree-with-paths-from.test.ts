import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findGitRepository } from "../../../src/workspace/git/git-repository.js";
import { treeWithPathsFrom } from "../../../src/workspace/git/tree-with-paths-from.js";
import { createGitRepository, git, repositoryState } from "../../helpers/git-repository.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

describe("treeWithPathsFrom", () => {
  const directory = useTempDirectory("specwright-tree-paths-");

  it("takes the given paths from the source tree, removes those it lacks, and touches no file on disk", async () => {
    await createGitRepository(directory(), {
      files: { "plan.md": "- [ ] 1. Task\n", "src/a.js": "a\n", "keep.txt": "k\n" },
    });
    const source = (await git(directory(), "rev-parse", "HEAD^{tree}")).trim();
    await writeTree(directory(), {
      "plan.md": "- [x] 1. Task\n",
      "runs/log.jsonl": "{}\n",
      "src/a.js": "a changed\n",
      "src/b.js": "b\n",
    });
    await git(directory(), "add", "--all");
    const tree = (await git(directory(), "write-tree")).trim();
    const repository = await findGitRepository(directory());
    if (repository === undefined) throw new Error("no repository");
    const before = await repositoryState(directory());

    const result = await treeWithPathsFrom(repository, tree, source, ["plan.md", "runs/log.jsonl", "plan.md"]);

    const listing = await git(directory(), "ls-tree", "-r", "--name-only", result);
    expect(listing.trim().split("\n")).toEqual(["keep.txt", "plan.md", "src/a.js", "src/b.js"]);
    expect(await git(directory(), "show", `${result}:plan.md`)).toBe("- [ ] 1. Task\n");
    expect(await git(directory(), "show", `${result}:src/a.js`)).toBe("a changed\n");
    // The working tree and the user's index are as they were.
    expect(await readFile(join(directory(), "plan.md"), "utf8")).toBe("- [x] 1. Task\n");
    expect(await readFile(join(directory(), "runs/log.jsonl"), "utf8")).toBe("{}\n");
    expect(await repositoryState(directory())).toEqual(before);
  });

  it("returns the tree itself when no path is given", async () => {
    await createGitRepository(directory(), { files: { "a.txt": "a\n" } });
    const tree = (await git(directory(), "rev-parse", "HEAD^{tree}")).trim();
    const repository = await findGitRepository(directory());
    if (repository === undefined) throw new Error("no repository");
    expect(await treeWithPathsFrom(repository, tree, tree, [])).toBe(tree);
  });
});
