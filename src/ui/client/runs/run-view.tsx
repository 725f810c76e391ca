import { useEffect, useState } from "preact/hooks";
import type { ApiError } from "../api/api-error";
import { apiPaths } from "../api/api-paths";
import type { RunEnd, RunListEntry } from "../api/api-types";
import { requestJson } from "../api/request-json";
import { useResource } from "../api/use-resource";
import { ErrorPanel } from "../components/error-panel";
import { CommandPrompt } from "./command-prompt";
import { QuestionForm } from "./question-form";
import { ReviewPanel } from "./review-panel";
import { describeEvent } from "./run-state";
import { useRunStream } from "./use-run-stream";

function formatElapsed(milliseconds: number): string {
  const seconds = Math.floor(milliseconds / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** From the run's own times (the server's record, then its summary), not from when this page connected. */
function elapsedMilliseconds(
  end: RunEnd | undefined,
  startedAt: string | undefined,
  seenAt: number | undefined,
  now: number,
): number {
  const summary = end?.summary ?? {};
  const start = Date.parse(typeof summary.startedAt === "string" ? summary.startedAt : (startedAt ?? ""));
  const finish = Date.parse(typeof summary.finishedAt === "string" ? summary.finishedAt : "");
  if (!Number.isNaN(start)) return Math.max(0, (Number.isNaN(finish) ? now : finish) - start);
  return seenAt === undefined ? 0 : Math.max(0, now - seenAt);
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

function summaryLine(end: RunEnd): string {
  const summary = end.summary ?? {};
  const tasks = Array.isArray(summary.tasks) ? (summary.tasks as { taskId?: string; status?: string }[]) : [];
  const outcomes = tasks.map((task) => `task ${task.taskId ?? "?"} ${task.status ?? "?"}`).join(", ");
  const verdict = `Run ${end.state ?? "ended"}`;
  const stopped = typeof summary.stoppedEarly === "string" ? ` — stopped early: ${summary.stoppedEarly}` : "";
  const failure = end.error === undefined ? "" : ` — ${end.error.message}${end.error.fix ? ` ${end.error.fix}` : ""}`;
  return `${verdict}${outcomes === "" ? "" : `: ${outcomes}`}${stopped}${failure}`;
}

export function RunView({ runId }: { readonly runId: string }) {
  const run = useRunStream(runId);
  const info = useResource<RunListEntry>(apiPaths.run(runId));
  const finished = run.end !== undefined;
  const now = useNow(!finished);
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  const send = async (path: string, body: unknown) => {
    setFailure(undefined);
    try {
      await requestJson(path, body);
      run.answered();
    } catch (error) {
      setFailure(error as ApiError);
    }
  };
  const elapsed = elapsedMilliseconds(run.end, info.data?.startedAt, run.startedAt, now);
  return (
    <section class="run-view" data-run={runId} data-state={run.end?.state ?? "running"}>
      <header class="panel-header">
        <h2>Run {runId}</h2>
        {!finished && (
          <button type="button" class="danger" onClick={() => send(apiPaths.cancel(runId), {})}>
            Cancel
          </button>
        )}
      </header>
      <dl class="run-stats">
        <div>
          <dt>task</dt>
          <dd>{run.currentTask ?? "—"}</dd>
        </div>
        <div>
          <dt>step</dt>
          <dd>{run.step}</dd>
        </div>
        <div>
          <dt>tokens</dt>
          <dd>
            {run.inputTokens} in / {run.outputTokens} out
          </dd>
        </div>
        <div>
          <dt>cost</dt>
          <dd>{run.costUsd === undefined ? "—" : `$${run.costUsd.toFixed(4)}`}</dd>
        </div>
        <div>
          <dt>elapsed</dt>
          <dd>{formatElapsed(elapsed)}</dd>
        </div>
      </dl>
      {failure !== undefined && <ErrorPanel error={failure} />}
      {run.end !== undefined && <p class="notice run-summary">{summaryLine(run.end)}</p>}
      {run.review !== undefined && (
        <ReviewPanel
          key={run.review.reviewId}
          review={run.review}
          onAnswer={(rejectedPaths, message) =>
            send(
              apiPaths.review(runId, run.review?.reviewId ?? ""),
              message === undefined ? { rejectedPaths } : { rejectedPaths, message },
            )
          }
        />
      )}
      {run.question !== undefined && (
        <QuestionForm
          key={run.question.questionId}
          question={run.question}
          onAnswer={(answer) => send(apiPaths.question(runId, run.question?.questionId ?? ""), { answer })}
        />
      )}
      {run.command !== undefined && (
        <CommandPrompt
          key={run.command.commandId}
          command={run.command}
          onAnswer={(allow) => send(apiPaths.command(runId, run.command?.commandId ?? ""), { allow })}
        />
      )}
      <ol class="run-events">
        {run.events.map(({ sequence, event }) => (
          <li key={sequence} class={`event event-${event.type}`}>
            {describeEvent(event)}
          </li>
        ))}
      </ol>
    </section>
  );
}
