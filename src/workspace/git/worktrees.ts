import { rm } from "node:fs/promises";
import { join, sep } from "node:path";
import type { GitRepository } from "./git-repository.js";
import { GitCommandError, runGit } from "./run-git.js";

/** Where `run --parallel` keeps its worktrees: inside the repository's common `.git`, out of every tree. */
export async function waveWorktreesFolder(repository: GitRepository): Promise<string> {
  return join(repository.commonDirectory, "specwright", "worktrees");
}

/** The branch prefix of the wave worktrees' branches (`refs/heads/specwright-wave/<run>/<task>`). */
export const WAVE_BRANCH_PREFIX = "specwright-wave/";

/** A linked worktree at `path` on a new branch `branch` at `commit` (hooks off, as every git call here). */
export async function addWorktree(
  repository: GitRepository,
  path: string,
  branch: string,
  commit: string,
): Promise<void> {
  await runGit(["worktree", "add", "--quiet", "-b", branch, path, commit], { cwd: repository.topLevel });
}

/** Removes the worktree (whatever it holds) and its branch; a worktree already gone is pruned. */
export async function removeWorktree(
  repository: GitRepository,
  path: string,
  branch: string | undefined,
): Promise<void> {
  await runGit(["worktree", "remove", "--force", "--force", path], { cwd: repository.topLevel }).catch(() => undefined);
  await runGit(["worktree", "prune"], { cwd: repository.topLevel });
  if (branch !== undefined) {
    await runGit(["update-ref", "-d", `refs/heads/${branch}`], { cwd: repository.topLevel }).catch(() => undefined);
  }
}

/**
 * Removes several worktrees (whatever they hold) and their branches with two git calls in all: their
 * folders deleted, then one `worktree prune` drops the entries whose folder is gone, and one `update-ref
 * --stdin` deletes the branches. The same end state as {@link removeWorktree} for each, without its three
 * git calls a worktree.
 */
export async function removeWorktrees(
  repository: GitRepository,
  worktrees: readonly { readonly path: string; readonly branch: string | undefined }[],
): Promise<void> {
  if (worktrees.length === 0) return;
  await Promise.all(worktrees.map((worktree) => rm(worktree.path, { recursive: true, force: true })));
  await runGit(["worktree", "prune"], { cwd: repository.topLevel });
  const branches = worktrees.flatMap((worktree) => (worktree.branch === undefined ? [] : [worktree.branch]));
  if (branches.length === 0) return;
  // `delete` of a ref that does not exist fails the whole transaction: only the ones still there.
  const existing = await runGit(
    ["for-each-ref", "--format=%(refname)", ...branches.map((branch) => `refs/heads/${branch}`)],
    { cwd: repository.topLevel },
  );
  const refs = existing.split("\n").filter((line) => line !== "");
  if (refs.length === 0) return;
  await runGit(["update-ref", "--stdin"], {
    cwd: repository.topLevel,
    input: refs.map((ref) => `delete ${ref}\n`).join(""),
  });
}

export interface ListedWorktree {
  readonly path: string;
  readonly branch: string | undefined;
}

/** `git worktree list --porcelain`, the main working tree included. */
export async function listWorktrees(repository: GitRepository): Promise<ListedWorktree[]> {
  const output = await runGit(["worktree", "list", "--porcelain", "-z"], { cwd: repository.topLevel });
  const found: ListedWorktree[] = [];
  let current: { path?: string; branch?: string } = {};
  for (const field of output.split("\u0000")) {
    if (field === "") {
      if (current.path !== undefined) found.push({ path: current.path, branch: current.branch });
      current = {};
    } else if (field.startsWith("worktree ")) current.path = field.slice("worktree ".length);
    else if (field.startsWith("branch refs/heads/")) current.branch = field.slice("branch refs/heads/".length);
  }
  if (current.path !== undefined) found.push({ path: current.path, branch: current.branch });
  return found;
}

/**
 * Removes the wave worktrees a run left behind (a crash, a kill -9) and every wave branch: what `run
 * --resume` and each parallel run do first. Returns the worktree paths removed.
 */
export async function removeLeftoverWaveWorktrees(repository: GitRepository): Promise<string[]> {
  const folder = await waveWorktreesFolder(repository);
  const removed: string[] = [];
  for (const worktree of await listWorktrees(repository)) {
    if (!worktree.path.startsWith(`${folder}${sep}`)) continue;
    await removeWorktree(repository, worktree.path, worktree.branch);
    removed.push(worktree.path);
  }
  await runGit(["worktree", "prune"], { cwd: repository.topLevel });
  const branches = await runGit(["for-each-ref", "--format=%(refname)", `refs/heads/${WAVE_BRANCH_PREFIX}`], {
    cwd: repository.topLevel,
  });
  for (const ref of branches.split("\n").filter((line) => line !== "")) {
    await runGit(["update-ref", "-d", ref], { cwd: repository.topLevel });
  }
  return removed;
}

/**
 * The tree of a three-way merge of two commits (their merge base from history), written to the object
 * store only: no working tree, index or ref changes. Undefined when the merge conflicts.
 */
export async function mergeCommitTrees(
  repository: GitRepository,
  ours: string,
  theirs: string,
): Promise<string | undefined> {
  try {
    const output = await runGit(["merge-tree", "--write-tree", "--no-messages", ours, theirs], {
      cwd: repository.topLevel,
    });
    return output.split("\n")[0]?.trim();
  } catch (error) {
    if (error instanceof GitCommandError && error.exitCode === 1) return undefined;
    throw error;
  }
}

/** Points the worktree's checkout at `commit` (detached), files and index included. */
export async function checkoutDetached(worktreePath: string, commit: string): Promise<void> {
  await runGit(["checkout", "--quiet", "--force", "--detach", commit], { cwd: worktreePath });
}
