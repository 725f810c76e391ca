import { useState } from "preact/hooks";
import type { ApiError } from "../api/api-error";
import { apiPaths } from "../api/api-paths";
import type { TaskDiff } from "../api/api-types";
import { requestJson } from "../api/request-json";
import { useResource } from "../api/use-resource";
import { ErrorPanel } from "../components/error-panel";
import { UnifiedDiffView } from "../components/unified-diff-view";

interface Properties {
  readonly root: string;
  readonly spec: string;
  readonly taskId: string;
  /** Opens with the revert confirmation showing (the task tree's Revert button). */
  readonly confirming: boolean;
  readonly version: number;
  onClose(): void;
  onReverted(): void;
}

/** A task's changes from its checkpoints, side by side, and `revert` behind an explicit confirmation. */
export function TaskDiffPanel({ root, spec, taskId, confirming, version, onClose, onReverted }: Properties) {
  const diff = useResource<TaskDiff>(apiPaths.taskDiff(root, spec, taskId), version);
  const [asking, setAsking] = useState(confirming);
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  const revert = async (force: boolean) => {
    setFailure(undefined);
    try {
      await requestJson(
        apiPaths.revert(root, spec, taskId),
        force ? { confirm: true, force: true } : { confirm: true },
      );
      setAsking(false);
      setOutcome(`Task ${taskId} was reverted to its checkpoint.`);
      onReverted();
    } catch (error) {
      setFailure(error as ApiError);
    }
  };
  // The engine refuses to overwrite files changed since the task (or a task that never finished) unless forced.
  const forceable = failure?.code === "changed-since-task" || failure?.code === "task-not-finished";
  const files = diff.data?.files ?? [];
  return (
    <section class="task-diff" data-task={taskId}>
      <header class="panel-header">
        <h3>Task {taskId}: changes</h3>
        <button type="button" class="danger" onClick={() => setAsking(true)} disabled={asking}>
          Revert…
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {asking && (
        <div class="confirm" role="alertdialog" aria-label="Confirm revert">
          <p>
            Revert task {taskId}? The files it changed go back to the checkpoint taken before it ran; every other file,
            and tasks.md, stays as it is. The working tree just before the revert is kept as a checkpoint.
          </p>
          <button type="button" class="danger" onClick={() => void revert(false)}>
            Yes, revert task {taskId}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            Keep it
          </button>
        </div>
      )}
      {outcome !== undefined && <p class="notice">{outcome}</p>}
      {failure !== undefined && <ErrorPanel error={failure} />}
      {forceable && (
        <button type="button" class="danger" onClick={() => void revert(true)}>
          Revert anyway (the later changes are kept in the before-revert checkpoint)
        </button>
      )}
      {diff.error !== undefined && <ErrorPanel error={diff.error} />}
      {diff.data !== undefined && files.length === 0 && <p class="muted">This task changed no file.</p>}
      {files.map((file) => (
        <div class="file-diff" key={file.path} data-path={file.path}>
          {file.binary === true ? (
            <p>
              <code>{file.path}</code> ({file.kind ?? "changed"}, binary)
            </p>
          ) : (
            <UnifiedDiffView diff={file.diff} />
          )}
        </div>
      ))}
    </section>
  );
}
