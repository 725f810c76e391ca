import { apiPaths } from "../api/api-paths";
import type { BudgetSource, CostRow, CostsData } from "../api/api-types";
import { useResource } from "../api/use-resource";
import { ErrorPanel } from "../components/error-panel";
import { formatCost } from "../components/format-cost";
import { CostChart } from "./cost-chart";

function CostTable({
  title,
  rows,
  withTask,
}: {
  readonly title: string;
  readonly rows: readonly CostRow[];
  readonly withTask: boolean;
}) {
  return (
    <table class="cost-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">spec</th>
          {withTask && <th scope="col">task</th>}
          <th scope="col" class="number">
            tokens
          </th>
          <th scope="col" class="number">
            estimated cost
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={withTask ? 4 : 3} class="muted">
              nothing recorded
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={`${row.root ?? ""}/${row.spec}/${row.task ?? ""}`}>
            <td>{row.spec}</td>
            {withTask && <td>{row.task ?? "—"}</td>}
            <td class="number">{row.tokens.toLocaleString()}</td>
            <td class="number">{formatCost(row.cost)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SOURCE_LABELS: Readonly<Record<BudgetSource, { readonly maxTokens: string; readonly maxCost: string }>> = {
  flag: { maxTokens: "--max-tokens of specwright ui", maxCost: "--max-cost of specwright ui" },
  settings: {
    maxTokens: "limits.maxTokens in .kiro/settings/specwright.json",
    maxCost: "limits.maxCost in .kiro/settings/specwright.json",
  },
};

/** "(from …)" after a limit, so a user knows which flag or setting to change. */
function sourceOf(budget: NonNullable<CostsData["budget"]>, limit: "maxTokens" | "maxCost") {
  const source = budget.sources?.[limit];
  if (source === undefined) return null;
  return (
    <span class="budget-source" data-limit={limit} data-source={source}>
      {" "}
      (from {SOURCE_LABELS[source][limit]})
    </span>
  );
}

function BudgetLine({ budget }: { readonly budget: NonNullable<CostsData["budget"]> }) {
  const tokens = `${(budget.tokens ?? 0).toLocaleString()} tokens${
    typeof budget.maxTokens === "number" ? ` of ${budget.maxTokens.toLocaleString()}` : ""
  }`;
  const cost = `${formatCost(budget.cost)}${typeof budget.maxCost === "number" ? ` of ${formatCost(budget.maxCost)}` : ""}`;
  const unlimited = typeof budget.maxTokens !== "number" && typeof budget.maxCost !== "number";
  return (
    <p class="budget">
      <strong>Current run{budget.runId === undefined ? "" : ` ${budget.runId}`}:</strong> {tokens}
      {sourceOf(budget, "maxTokens")} · {cost}
      {sourceOf(budget, "maxCost")}
      {unlimited && <span class="muted"> (no token or cost limit set)</span>}
    </p>
  );
}

export function CostsView({ version }: { readonly version: number }) {
  const costs = useResource<CostsData>(apiPaths.costs, version);
  if (costs.error !== undefined) return <ErrorPanel error={costs.error} />;
  if (costs.data === undefined) return <p class="muted">Loading costs…</p>;
  const { data } = costs;
  return (
    <section class="costs">
      <h2>Costs</h2>
      {data.budget !== undefined && <BudgetLine budget={data.budget} />}
      <CostChart series={data.series} />
      <div class="cost-tables">
        <CostTable title="Per spec" rows={data.specs} withTask={false} />
        <CostTable title="Per task" rows={data.tasks} withTask />
      </div>
    </section>
  );
}
