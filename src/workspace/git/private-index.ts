import { randomBytes } from "node:crypto";
import { copyFile, rm, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import { errorCodeOf } from "../error-code.js";
import { type GitRepository, headCommit } from "./git-repository.js";
import { runGit } from "./run-git.js";

/** What a private index starts from: the user's index (fast: its file stats are current), or nothing. */
export type PrivateIndexSeed = "user-index" | "empty";

/**
 * Runs `body` with a private index file inside `.git/` (`GIT_INDEX_FILE`), so git commands that need an
 * index (`add`, `write-tree`, `checkout-index`) never touch the user's staging area. The file is removed
 * afterwards, whatever happens.
 */
export async function withPrivateIndex<T>(
  repository: GitRepository,
  seed: PrivateIndexSeed,
  body: (environment: Readonly<Record<string, string>>) => Promise<T>,
): Promise<T> {
  const indexFile = join(repository.gitDirectory, `specwright-index.${process.pid}.${randomBytes(6).toString("hex")}`);
  try {
    if (seed === "user-index") await copyUserIndex(repository, indexFile);
    return await body({ GIT_INDEX_FILE: indexFile });
  } finally {
    await rm(indexFile, { force: true });
    await rm(`${indexFile}.lock`, { force: true });
  }
}

/**
 * Starts from a copy of the user's index so `git add -A` re-hashes only files whose stats changed. With
 * no index yet, HEAD's tree is read instead (or nothing, before the first commit).
 */
async function copyUserIndex(repository: GitRepository, indexFile: string): Promise<void> {
  try {
    const userIndex = join(repository.gitDirectory, "index");
    const stats = await stat(userIndex);
    await copyFile(userIndex, indexFile);
    // git re-hashes an entry whose file changed in the same clock tick as the index was written ("racily
    // clean") only if the index keeps its time: a copy stamped "now" would hide a same-size rewrite.
    await utimes(indexFile, stats.atime, stats.mtime);
  } catch (error) {
    if (errorCodeOf(error) !== "ENOENT") throw error;
    // Before the first commit there is nothing to read: an index file that does not exist is an empty one.
    const head = await headCommit(repository);
    if (head !== undefined) {
      await runGit(["read-tree", head], { cwd: repository.topLevel, env: { GIT_INDEX_FILE: indexFile } });
    }
  }
}
