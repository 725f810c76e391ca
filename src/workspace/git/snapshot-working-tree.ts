import type { GitRepository } from "./git-repository.js";
import { withPrivateIndex } from "./private-index.js";
import { runGit } from "./run-git.js";

/**
 * Writes the whole working tree as a git tree object and returns its id: tracked files as they are on
 * disk (not as staged), untracked files that are not ignored, without deleted files; executable bits and
 * symlinks as git records them. git reads the files itself, so nothing is held in memory here, and the
 * user's index, HEAD and working tree are left exactly as they were.
 */
export async function snapshotWorkingTree(repository: GitRepository): Promise<string> {
  return withPrivateIndex(repository, "user-index", async (environment) => {
    const options = { cwd: repository.topLevel, env: environment };
    await runGit(["add", "--all"], options);
    return (await runGit(["write-tree"], options)).trim();
  });
}
