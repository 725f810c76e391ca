import { nearbyIds } from "../../model/text/nearby-ids.js";
import { listStoredCommits } from "../../workspace/git/checkpoint-commits.js";
import type { GitRepository } from "../../workspace/git/git-repository.js";
import { EngineError } from "../errors/engine-error.js";
import { CHECKPOINT_REF_PREFIX, checkpointRef, parseCheckpointRef, specRefPrefix } from "./checkpoint-ref.js";
import type { Checkpoint } from "./checkpoint-types.js";

/** A task's checkpoints: "before" always (else the task never ran), "after" once its run finished. */
export interface TaskCheckpoints {
  readonly before: Checkpoint;
  readonly after: Checkpoint | undefined;
}

/** The task's checkpoints, or a refusal naming the tasks (or specs) that do have some. */
export async function readTaskCheckpoints(
  repository: GitRepository,
  spec: string,
  taskId: string,
): Promise<TaskCheckpoints> {
  const beforeRef = checkpointRef(spec, taskId, "before");
  const afterRef = checkpointRef(spec, taskId, "after");
  const stored = await listStoredCommits(repository, specRefPrefix(spec));
  const before = stored.find((checkpoint) => checkpoint.ref === beforeRef);
  if (before !== undefined) return { before, after: stored.find((checkpoint) => checkpoint.ref === afterRef) };

  const tasks = [...new Set(stored.map((checkpoint) => parseCheckpointRef(checkpoint.ref)?.taskId ?? ""))].filter(
    (id) => id !== "",
  );
  if (tasks.length > 0) {
    throw new EngineError({
      code: "no-checkpoint",
      message: `Task ${taskId} of spec "${spec}" has no checkpoint. Tasks with checkpoints: ${tasks.join(", ")}.`,
      fix: "Pass one of those task ids; a task gets a checkpoint when `specwright run` runs it.",
      candidates: [...nearbyIds(taskId, tasks), ...tasks.filter((id) => !nearbyIds(taskId, tasks).includes(id))],
    });
  }
  const specs = [
    ...new Set(
      (await listStoredCommits(repository, CHECKPOINT_REF_PREFIX)).map(
        (checkpoint) => parseCheckpointRef(checkpoint.ref)?.spec ?? "",
      ),
    ),
  ].filter((name) => name !== "");
  throw new EngineError({
    code: "no-checkpoint",
    message:
      specs.length > 0
        ? `No task of spec "${spec}" has a checkpoint. Specs with checkpoints: ${specs.join(", ")}.`
        : `No task has a checkpoint in this repository yet.`,
    fix: "A task gets a checkpoint when `specwright run <spec> --task <id>` runs it; then diff and revert work on it.",
    candidates: specs,
  });
}
