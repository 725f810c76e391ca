import { diffPatch, diffTrees } from "../../workspace/git/diff-trees.js";
import { snapshotWorkingTree } from "../../workspace/git/snapshot-working-tree.js";
import type { FileChange } from "./checkpoint-types.js";
import { requireGitRepository } from "./require-git-repository.js";
import { isRunnerBookkeeping } from "./runner-bookkeeping.js";

export interface WorkingTreeDiffOptions {
  /** The workspace root (the folder holding `.kiro/`), inside the git repository. */
  readonly root: string;
  /** A checkpoint's commit (or tree), e.g. `Checkpoint.commit`. */
  readonly commit: string;
  /** When given, this spec's runner bookkeeping (tasks.md, tasks.meta.json, runs/) is left out. */
  readonly spec?: string;
}

/**
 * Every file that differs between a checkpoint and the working tree now (untracked files and changes made
 * by shell commands included), with lines added and removed. Nothing is stored: the snapshot taken to
 * compare is not kept under any ref.
 */
export async function workingTreeDiffSince(options: WorkingTreeDiffOptions): Promise<FileChange[]> {
  const repository = await requireGitRepository(options.root);
  const current = await snapshotWorkingTree(repository);
  const changes = await diffTrees(repository, options.commit, current);
  const spec = options.spec;
  if (spec === undefined) return changes;
  return changes.filter((change) => !isRunnerBookkeeping(change.path, repository.prefix, spec));
}

/**
 * The unified diff from a checkpoint (or a tree from {@link snapshotTree}) to the working tree now,
 * limited to `paths` when given: what supervised mode shows file by file.
 */
export async function workingTreePatchSince(
  options: WorkingTreeDiffOptions & { readonly paths?: readonly string[] },
): Promise<string> {
  const repository = await requireGitRepository(options.root);
  const current = await snapshotWorkingTree(repository);
  return diffPatch(repository, options.commit, current, options.paths);
}

/**
 * A snapshot of the whole working tree stored under no ref: its tree id, to pass as `commit` to
 * {@link workingTreeDiffSince}, {@link workingTreePatchSince} or `restorePaths` (e.g. at the start of each
 * model turn). git keeps unreferenced objects for two weeks before `gc` may prune them.
 */
export async function snapshotTree(options: { readonly root: string }): Promise<string> {
  return snapshotWorkingTree(await requireGitRepository(options.root));
}
