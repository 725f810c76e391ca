import { randomBytes } from "node:crypto";
import { lstat, mkdir, rename, rm, rmdir, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { errorCodeOf } from "../error-code.js";
import { WorkspaceError } from "../workspace-error.js";
import type { GitRepository } from "./git-repository.js";
import { assertInsideWorkingTree } from "./inside-working-tree.js";
import { listTree, type TreeEntry } from "./list-tree.js";
import { withPrivateIndex } from "./private-index.js";
import { isRepositoryPath } from "./repository-path.js";
import { runGit } from "./run-git.js";

/** What restoring did to one path: written back from the tree, deleted (absent from it), or left alone. */
export interface RestoredPath {
  readonly path: string;
  readonly action: "written" | "deleted" | "skipped";
}

/**
 * Puts each of `paths` back as it is in `treeish`: files (content, executable bit, symlinks) are written,
 * paths the tree does not have are deleted, and folders left empty by a deletion are removed. Submodules
 * are skipped. git writes every file into a staging folder inside `.git/` first, so a failure there
 * changes nothing; each file then replaces its target by a rename, so no file is ever half-written.
 */
export async function restoreFilesFromTree(
  repository: GitRepository,
  treeish: string,
  paths: readonly string[],
): Promise<RestoredPath[]> {
  const unsafe = paths.filter((path) => !isRepositoryPath(path));
  if (unsafe.length > 0) {
    throw new WorkspaceError({
      code: "not-a-file",
      message: `Cannot restore ${unsafe.join(", ")}: not a path inside the working tree.`,
      fix: "Pass paths relative to the repository's top folder, without `..`, outside `.git/`.",
    });
  }
  const entries = await listTree(repository, treeish);
  const toWrite: TreeEntry[] = [];
  const toDelete: string[] = [];
  const results: RestoredPath[] = [];
  for (const path of new Set(paths)) {
    const entry = entries.get(path);
    if (entry?.type === "blob") toWrite.push(entry);
    else if (entry === undefined) toDelete.push(path);
    else results.push({ path, action: "skipped" });
  }
  const staging = join(repository.gitDirectory, `specwright-restore.${process.pid}.${randomBytes(6).toString("hex")}`);
  try {
    if (toWrite.length > 0) await stageFiles(repository, toWrite, staging);
    const keptFolders = foldersOf(entries.keys());
    for (const path of toDelete) {
      if (await deleteFile(repository, path, keptFolders)) results.push({ path, action: "deleted" });
      else results.push({ path, action: "skipped" });
    }
    for (const entry of toWrite) {
      const target = join(repository.topLevel, entry.path);
      await assertInsideWorkingTree(repository.topLevel, target);
      await moveIntoPlace(join(staging, entry.path), target);
      results.push({ path: entry.path, action: "written" });
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return results.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
}

/** git checks the files out of its object store into `staging`, content and mode, never through Node's memory. */
async function stageFiles(repository: GitRepository, entries: readonly TreeEntry[], staging: string): Promise<void> {
  await withPrivateIndex(repository, "empty", async (environment) => {
    const options = { cwd: repository.topLevel, env: environment };
    const input = entries.map((entry) => `${entry.mode} ${entry.object}\t${entry.path}\u0000`).join("");
    await runGit(["update-index", "-z", "--index-info"], { ...options, input });
    await runGit(["checkout-index", "--all", "--force", `--prefix=${staging}/`], options);
  });
}

/** Deletes a file or symlink (never a folder), then the folders it leaves empty that the tree does not have. */
async function deleteFile(repository: GitRepository, path: string, keptFolders: ReadonlySet<string>): Promise<boolean> {
  const target = join(repository.topLevel, path);
  await assertInsideWorkingTree(repository.topLevel, target);
  const stats = await lstat(target).catch((error: unknown) => {
    if (errorCodeOf(error) === "ENOENT" || errorCodeOf(error) === "ENOTDIR") return undefined;
    throw error;
  });
  if (stats === undefined || stats.isDirectory()) return false;
  await unlink(target);
  for (let folder = dirname(path); folder !== "." && !keptFolders.has(folder); folder = dirname(folder)) {
    try {
      await rmdir(join(repository.topLevel, folder));
    } catch {
      // Not empty (other files live there) or already gone: either way, it stays as it is.
      break;
    }
  }
  return true;
}

function foldersOf(paths: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const path of paths) {
    for (let folder = dirname(path); folder !== "." && !folders.has(folder); folder = dirname(folder)) {
      folders.add(folder);
    }
  }
  return folders;
}

/** Renames a staged file onto its target; an empty folder in the way is removed, a non-empty one refused. */
async function moveIntoPlace(staged: string, target: string): Promise<void> {
  const existing = await lstat(target).catch(() => undefined);
  if (existing?.isDirectory()) {
    await rmdir(target).catch((error: unknown) => {
      throw new WorkspaceError({
        code: "is-directory",
        message: `Cannot restore ${target}: a folder with files in it is there now.`,
        fix: "Move that folder away, then run the command again.",
        path: target,
        cause: error,
      });
    });
  }
  await mkdir(dirname(target), { recursive: true });
  await rename(staged, target);
}
