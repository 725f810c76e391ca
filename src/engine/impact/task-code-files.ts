import { listStoredCommits, type StoredCommit } from "../../workspace/git/checkpoint-commits.js";
import { findGitRepository, type GitRepository } from "../../workspace/git/git-repository.js";
import { parseCheckpointRef, specRefPrefix } from "../checkpoints/checkpoint-ref.js";
import { taskFileChanges } from "../checkpoints/task-changes.js";

/** A finished task's checkpoints, as stored. */
export interface FinishedTaskCheckpoints<Stored extends { readonly ref: string } = StoredCommit> {
  readonly taskId: string;
  readonly before: Stored;
  readonly after: Stored;
}

/** Every task of `spec` with both a before and an after checkpoint, listed with one git call. */
export async function finishedTaskCheckpoints(
  repository: GitRepository,
  spec: string,
): Promise<Map<string, FinishedTaskCheckpoints>> {
  return groupFinished(await listStoredCommits(repository, specRefPrefix(spec))).get(spec) ?? new Map();
}

/** Groups stored checkpoint commits by spec and task, keeping the tasks that have both stages. */
export function groupFinished<Stored extends { readonly ref: string }>(
  stored: readonly Stored[],
): Map<string, Map<string, FinishedTaskCheckpoints<Stored>>> {
  const stages = new Map<string, { before?: Stored; after?: Stored; spec: string; taskId: string }>();
  for (const commit of stored) {
    const parsed = parseCheckpointRef(commit.ref);
    if (!parsed || (parsed.stage !== "before" && parsed.stage !== "after")) continue;
    const key = `${parsed.spec}\u0000${parsed.taskId}`;
    const entry = stages.get(key) ?? { spec: parsed.spec, taskId: parsed.taskId };
    entry[parsed.stage] = commit;
    stages.set(key, entry);
  }
  const result = new Map<string, Map<string, FinishedTaskCheckpoints<Stored>>>();
  for (const entry of stages.values()) {
    if (!entry.before || !entry.after) continue;
    const tasks = result.get(entry.spec) ?? new Map<string, FinishedTaskCheckpoints<Stored>>();
    tasks.set(entry.taskId, { taskId: entry.taskId, before: entry.before, after: entry.after });
    result.set(entry.spec, tasks);
  }
  return result;
}

/**
 * The code files each given task changed in its run (from its checkpoints; the runner's bookkeeping left
 * out), by task id. Tasks without finished checkpoints, or outside a git repository, have none.
 */
export async function taskCodeFiles(
  root: string,
  spec: string,
  taskIds: readonly string[],
): Promise<Map<string, string[]>> {
  const files = new Map<string, string[]>();
  if (taskIds.length === 0) return files;
  const repository = await findGitRepository(root);
  if (repository === undefined) return files;
  const finished = await finishedTaskCheckpoints(repository, spec);
  await Promise.all(
    [...new Set(taskIds)].map(async (taskId) => {
      const checkpoints = finished.get(taskId);
      if (!checkpoints) return;
      const changes = await taskFileChanges(repository, spec, checkpoints.before.tree, checkpoints.after.tree);
      files.set(
        taskId,
        changes.map((change) => change.path),
      );
    }),
  );
  return files;
}
