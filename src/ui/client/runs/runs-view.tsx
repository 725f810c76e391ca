import { useEffect, useState } from "preact/hooks";
import { apiPaths } from "../api/api-paths";
import type { RunList, RunListEntry } from "../api/api-types";
import { useResource } from "../api/use-resource";
import { ErrorPanel } from "../components/error-panel";
import { formatCost } from "../components/format-cost";
import { runHref, specHref } from "../routing/route";

function tasksOf(run: RunListEntry): string {
  if (run.all === true) return "all open tasks";
  if (run.taskIds === undefined || run.taskIds.length === 0) return "the next task";
  return run.taskIds.join(", ");
}

/** Polls while a run is active: the list has no stream of its own, and a run's page has the live detail. */
function usePolling(active: boolean): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((value) => value + 1), 2000);
    return () => clearInterval(timer);
  }, [active]);
  return tick;
}

export function RunsView({ version }: { readonly version: number }) {
  const [active, setActive] = useState(false);
  const tick = usePolling(active);
  const list = useResource<RunList>(apiPaths.runs, version + tick);
  const all = list.data?.runs ?? [];
  const runs = all.filter((run) => run.source !== "disk");
  const recorded = all.filter((run) => run.source === "disk");
  const anyActive = runs.some((run) => run.endedAt === undefined);
  useEffect(() => setActive(anyActive), [anyActive]);
  if (list.error !== undefined) return <ErrorPanel error={list.error} />;
  if (list.data === undefined) return <p class="muted">Loading runs…</p>;
  return (
    <section class="runs">
      <h2>Runs</h2>
      {runs.length === 0 && (
        <p class="muted">No run started since this dashboard started: start one from a spec's tasks.</p>
      )}
      {runs.length > 0 && (
        <table class="cost-table runs-table">
          <thead>
            <tr>
              <th scope="col">state</th>
              <th scope="col">spec</th>
              <th scope="col">tasks</th>
              <th scope="col">mode</th>
              <th scope="col">started</th>
              <th scope="col">waiting for you</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.runId} data-run={run.runId} data-state={run.state}>
                <td>
                  <a href={runHref(run.runId)} class={`chip run-state state-${run.state ?? "unknown"}`}>
                    {run.state ?? "?"}
                  </a>
                </td>
                <td>
                  <a href={specHref(run.root ?? "0", run.spec, "tasks")}>{run.spec}</a>
                </td>
                <td>{tasksOf(run)}</td>
                <td>{run.mode ?? ""}</td>
                <td title={run.startedAt}>
                  {run.startedAt === undefined ? "" : new Date(run.startedAt).toLocaleTimeString()}
                </td>
                <td>{(run.pending ?? []).map((item) => item.kind).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {recorded.length > 0 && <RecordedRuns runs={recorded} />}
    </section>
  );
}

function tokensOf(usage: { readonly inputTokens: number; readonly outputTokens: number } | undefined): string {
  return usage === undefined ? "" : (usage.inputTokens + usage.outputTokens).toLocaleString();
}

/** Finished runs of earlier starts (and of `specwright run`), from their summaries on disk: read-only. */
function RecordedRuns({ runs }: { readonly runs: readonly RunListEntry[] }) {
  return (
    <>
      <h3>Earlier runs (from the run records on disk)</h3>
      <table class="cost-table recorded-runs">
        <thead>
          <tr>
            <th scope="col">outcome</th>
            <th scope="col">spec</th>
            <th scope="col">tasks</th>
            <th scope="col">mode</th>
            <th scope="col">started</th>
            <th scope="col">tokens</th>
            <th scope="col">cost</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.runId} data-run={run.runId} data-state={run.state} data-source="disk">
              <td>
                <span class={`chip run-state state-${run.state ?? "unknown"}`} title={run.stoppedEarly ?? run.runId}>
                  {run.state ?? "?"}
                </span>
              </td>
              <td>
                <a href={specHref(run.root ?? "0", run.spec, "tasks")}>{run.spec}</a>
              </td>
              <td>
                {(run.tasks ?? []).length === 0 && <span class="muted">none</span>}
                {(run.tasks ?? []).map((task) => (
                  <span key={task.taskId} class={`chip task-outcome outcome-${task.status}`} title={task.title}>
                    {task.taskId} {task.status} · {tokensOf(task.usage)}
                  </span>
                ))}
                {run.stoppedEarly !== undefined && <div class="muted">{run.stoppedEarly}</div>}
              </td>
              <td>{run.mode ?? ""}</td>
              <td title={run.startedAt}>
                {run.startedAt === undefined ? "" : new Date(run.startedAt).toLocaleString()}
              </td>
              <td class="number">{tokensOf(run.totals)}</td>
              <td class="number">{formatCost(run.totals?.costUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
