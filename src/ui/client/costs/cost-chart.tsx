import { useEffect, useRef } from "preact/hooks";
import type { CostPoint } from "../api/api-types";

/** Cumulative tokens (and cost, when the price is known) over time, one point per recorded model call. */
export function CostChart({ series }: { readonly series: readonly CostPoint[] }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (series.length === 0) return;
    let chart: { destroy(): void } | undefined;
    let current = true;
    void import("./load-uplot").then(({ uPlot }) => {
      const element = container.current;
      if (!current || element === null) return;
      const points = [...series].sort((left, right) => left.time.localeCompare(right.time));
      const times: number[] = [];
      const tokens: number[] = [];
      const costs: number[] = [];
      let tokenSum = 0;
      let costSum = 0;
      for (const point of points) {
        tokenSum += point.tokens;
        costSum += point.cost ?? 0;
        times.push(Date.parse(point.time) / 1000);
        tokens.push(tokenSum);
        costs.push(costSum);
      }
      // Without a known price there is no cost line to draw (local models): tokens alone.
      const priced = points.some((point) => typeof point.cost === "number");
      const text = getComputedStyle(element).color;
      chart = new uPlot(
        {
          width: Math.max(320, element.clientWidth - 32),
          height: 260,
          series: [
            {},
            { label: "tokens", stroke: "#3b82f6", width: 2, scale: "tokens" },
            {
              label: "cost (USD)",
              show: priced,
              stroke: "#f59e0b",
              width: 2,
              scale: "usd",
              value: (_, value) => (value == null ? "—" : `$${value.toFixed(4)}`),
            },
          ],
          axes: [
            { stroke: text },
            { stroke: text, scale: "tokens" },
            { stroke: text, scale: "usd", side: 1, grid: { show: false }, show: priced },
          ],
        },
        [times, tokens, costs],
        element,
      );
    });
    return () => {
      current = false;
      chart?.destroy();
    };
  }, [series]);
  if (series.length === 0) return <p class="muted">No model usage recorded yet.</p>;
  return <div class="cost-chart" ref={container} />;
}
