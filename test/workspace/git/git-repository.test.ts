import { mkdir, realpath, rename } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findGitRepository, withGitRepositoryMemo } from "../../../src/workspace/git/git-repository.js";
import { createGitRepository, git } from "../../helpers/git-repository.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

describe("findGitRepository", () => {
  const directory = useTempDirectory("specwright-git-repository-");

  it("reads the top level, git folder, prefix and common folder in one call", async () => {
    await createGitRepository(directory(), { files: { "sub/dir/a.txt": "a\n" } });
    const top = await realpath(directory());
    const fromSub = await findGitRepository(join(directory(), "sub", "dir"));
    expect(fromSub).toEqual({
      topLevel: top,
      gitDirectory: join(top, ".git"),
      prefix: "sub/dir/",
      commonDirectory: join(top, ".git"),
    });
  });

  it("gives a linked worktree its own git folder and the main repository's common folder", async () => {
    await createGitRepository(directory(), { files: { "a.txt": "a\n" } });
    const top = await realpath(directory());
    const linked = join(top, "linked");
    await git(directory(), "worktree", "add", "--quiet", "-b", "side", linked);
    await mkdir(join(linked, "deeper"));
    const repository = await findGitRepository(join(linked, "deeper"));
    expect(repository?.topLevel).toBe(linked);
    expect(repository?.gitDirectory).toBe(join(top, ".git", "worktrees", "linked"));
    expect(repository?.commonDirectory).toBe(join(top, ".git"));
  });

  it("finds none outside a repository", async () => {
    expect(await findGitRepository(directory())).toBeUndefined();
  });

  it("answers from the memo inside a run's scope, even after the folder's .git is moved away", async () => {
    await createGitRepository(directory(), { files: { "a.txt": "a\n" } });
    const top = await realpath(directory());
    const [first, second, outside] = await withGitRepositoryMemo(async () => {
      const first = await findGitRepository(top);
      await rename(join(top, ".git"), join(top, "moved.git"));
      const second = await findGitRepository(top);
      // A new scope looks again.
      const outside = await withGitRepositoryMemo(() => findGitRepository(top));
      return [first, second, outside];
    });
    expect(first?.topLevel).toBe(top);
    expect(second).toBe(first);
    expect(outside).toBeUndefined();
    expect(await findGitRepository(top)).toBeUndefined();
  });
});
