import { findGitRepository } from "../../workspace/git/git-repository.js";
import { listRefCommits } from "../../workspace/git/history.js";
import { parseCheckpointRef, specRefPrefix } from "../checkpoints/checkpoint-ref.js";

/**
 * The ids of a spec's tasks that have a before checkpoint, so the page offers their diff and revert; one git
 * process, none outside a repository.
 */
export async function checkpointedTasks(root: string, spec: string): Promise<string[]> {
  const repository = await findGitRepository(root);
  if (repository === undefined) return [];
  const ids = new Set<string>();
  for (const { ref } of await listRefCommits(repository, specRefPrefix(spec))) {
    const parsed = parseCheckpointRef(ref);
    if (parsed?.spec === spec && parsed.stage === "before") ids.add(parsed.taskId);
  }
  return [...ids].sort((left, right) => left.localeCompare(right, "en", { numeric: true }));
}
