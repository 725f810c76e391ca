import type { TaskNode, TraceMatrix } from "../api/api-types";
import { traceColumnKey, traceColumns } from "./trace-columns";

/** Why a task line without a number leads nowhere, and how to change that. */
function unnumberedTitle(title: string | undefined): string {
  return `"${title ?? ""}" has no number, so nothing can link to it: number it in tasks.md (e.g. "- [ ] 3. …").`;
}

interface Properties {
  readonly trace: TraceMatrix;
  readonly tasks: readonly TaskNode[];
  onCriterion(criterion: string): void;
  onTask(task: string): void;
}

/** Criteria × tasks; a criterion no task covers is a red row, and every cell and header leads to its item. */
export function TraceHeatMap({ trace, tasks, onCriterion, onTask }: Properties) {
  if (trace.rows.length === 0) return <p class="muted">No criteria to trace.</p>;
  const columns = traceColumns(tasks, trace.rows);
  const uncovered = trace.rows.filter((row) => row.tasks.length === 0).length;
  return (
    <div class="trace">
      <p>
        {uncovered === 0
          ? `Every one of the ${trace.rows.length} criteria is covered by a task.`
          : `${uncovered} of ${trace.rows.length} criteria are covered by no task (listed first).`}
      </p>
      <div class="trace-legend">
        <span>
          <span class="swatch" style={{ background: "var(--hit)" }} />
          task covers the criterion
        </span>
        <span>
          <span class="swatch" style={{ background: "var(--good)" }} />
          …and is done
        </span>
        <span>
          <span class="swatch" style={{ background: "var(--uncovered)" }} />
          covered by no task
        </span>
      </div>
      <div class="trace-scroll">
        <table class="trace-matrix">
          <thead>
            <tr>
              <th scope="col">criterion</th>
              <th scope="col">text</th>
              {columns.map((column) => (
                <th scope="col" key={column.key} class="task-head">
                  {column.id === null ? (
                    <button type="button" class="link" disabled title={unnumberedTitle(column.title)}>
                      (no number)
                    </button>
                  ) : (
                    <button
                      type="button"
                      class="link"
                      onClick={() => onTask(column.id ?? "")}
                      title={`task ${column.id}`}
                    >
                      {column.id}
                    </button>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trace.rows.map((row) => {
              const covering = new Map(row.tasks.map((task) => [traceColumnKey(task), task.status ?? "todo"] as const));
              return (
                <tr
                  key={row.criterion}
                  class={covering.size === 0 ? "uncovered" : undefined}
                  data-criterion={row.criterion}
                >
                  <th scope="row" class="row-head" title={row.text}>
                    <button type="button" class="link" onClick={() => onCriterion(row.criterion)}>
                      {row.criterion}
                    </button>
                  </th>
                  <td class="criterion-text" title={row.text}>
                    {row.text}
                  </td>
                  {columns.map((column) => (
                    <td
                      key={column.key}
                      class={covering.has(column.key) ? `hit status-${covering.get(column.key)}` : undefined}
                    >
                      {covering.has(column.key) && (
                        <button
                          type="button"
                          class="cell"
                          aria-label={`task ${column.id ?? column.title} covers ${row.criterion}`}
                          title={
                            column.id === null
                              ? `${unnumberedTitle(column.title)} It covers ${row.criterion}.`
                              : `task ${column.id} covers ${row.criterion}`
                          }
                          disabled={column.id === null}
                          onClick={() => column.id !== null && onTask(column.id)}
                        />
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
