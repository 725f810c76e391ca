import { useState } from "preact/hooks";
import type { ApiError } from "../api/api-error";
import { apiPaths } from "../api/api-paths";
import type { RunMode } from "../api/api-types";
import { requestJson } from "../api/request-json";
import { ErrorPanel } from "../components/error-panel";
import { runHref } from "../routing/route";
import { navigate } from "../routing/use-route";

interface Properties {
  readonly root: string;
  readonly spec: string;
  /** The task chosen in the tree, or undefined for the whole spec. */
  readonly taskId: string | undefined;
  onClearTask(): void;
}

export function StartRunForm({ root, spec, taskId, onClearTask }: Properties) {
  const [mode, setMode] = useState<RunMode>("autopilot");
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  const start = async (interrupted?: "resume" | "reset") => {
    setFailure(undefined);
    try {
      const chosen = taskId === undefined ? { all: true } : { taskIds: [taskId] };
      const body = { root, spec, mode, ...chosen, ...(interrupted === undefined ? {} : { interrupted }) };
      const { runId } = await requestJson<{ runId: string }>(apiPaths.runs, body);
      navigate(runHref(runId));
    } catch (error) {
      setFailure(error as ApiError);
    }
  };
  return (
    <form
      class="start-run"
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <strong>{taskId === undefined ? "Run every open task" : `Run task ${taskId}`}</strong>
      {taskId !== undefined && (
        <button type="button" class="link" onClick={onClearTask}>
          (all tasks instead)
        </button>
      )}
      <label>
        <input
          type="radio"
          name="mode"
          value="autopilot"
          checked={mode === "autopilot"}
          onChange={() => setMode("autopilot")}
        />{" "}
        autopilot
      </label>
      <label>
        <input
          type="radio"
          name="mode"
          value="supervised"
          checked={mode === "supervised"}
          onChange={() => setMode("supervised")}
        />{" "}
        supervised
      </label>
      <button type="submit" class="primary">
        Start run
      </button>
      {failure !== undefined && <ErrorPanel error={failure} />}
      {failure?.code === "interrupted-run" && (
        <span class="buttons">
          <button type="button" onClick={() => void start("resume")}>
            Resume the interrupted tasks
          </button>
          <button type="button" class="danger" onClick={() => void start("reset")}>
            Reset them to [ ] and start
          </button>
        </span>
      )}
    </form>
  );
}
