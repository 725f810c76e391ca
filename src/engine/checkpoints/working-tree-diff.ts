import { diffTrees } from "../../workspace/git/diff-trees.js";
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
