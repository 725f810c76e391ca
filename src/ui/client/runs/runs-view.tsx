import { useEffect, useState } from "preact/hooks";
import { apiPaths } from "../api/api-paths";
import type { RunList, RunListEntry } from "../api/api-types";
import { useResource } from "../api/use-resource";
import { ErrorPanel } from "../components/error-panel";
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
  const runs = list.data?.runs ?? [];
  const anyActive = runs.some((run) => run.endedAt === undefined);
  useEffect(() => setActive(anyActive), [anyActive]);
  if (list.error !== undefined) return <ErrorPanel error={list.error} />;
  if (list.data === undefined) return <p class="muted">Loading runs…</p>;
  return (
    <section class="runs">
      <h2>Runs</h2>
      {runs.length === 0 && <p class="muted">No run started from this dashboard yet: start one from a spec's tasks.</p>}
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
    </section>
  );
}
