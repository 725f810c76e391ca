import type { GitRepository } from "./git-repository.js";
import { listTree } from "./list-tree.js";
import { withPrivateIndex } from "./private-index.js";
import { runGit } from "./run-git.js";

/** `git update-index --index-info` removes a path given mode 0 and the null object. */
const REMOVE_ENTRY = `0 ${"0".repeat(40)}`;

/**
 * The tree `tree` with each of `paths` as it is in `source` (removed where `source` lacks it), built in a
 * private index from git's objects: no file of any working tree is read or written.
 */
export async function treeWithPathsFrom(
  repository: GitRepository,
  tree: string,
  source: string,
  paths: readonly string[],
): Promise<string> {
  if (paths.length === 0) return tree;
  const entries = await listTree(repository, source);
  const input = [...new Set(paths)]
    .map((path) => {
      const entry = entries.get(path);
      return `${entry ? `${entry.mode} ${entry.object}` : REMOVE_ENTRY}\t${path}\u0000`;
    })
    .join("");
  return withPrivateIndex(repository, "empty", async (environment) => {
    const options = { cwd: repository.topLevel, env: environment };
    await runGit(["read-tree", tree], options);
    await runGit(["update-index", "-z", "--index-info"], { ...options, input });
    return (await runGit(["write-tree"], options)).trim();
  });
}
