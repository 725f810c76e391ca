import type { SeverityCounts } from "../api/api-types";

export function SeverityCountsView({ counts }: { readonly counts: SeverityCounts }) {
  const parts = (["error", "warning", "info"] as const).filter((severity) => counts[severity] > 0);
  if (parts.length === 0) return <span class="chip clean">no findings</span>;
  return (
    <span class="severity-counts">
      {parts.map((severity) => (
        <span key={severity} class={`chip severity-${severity}`} title={`${counts[severity]} ${severity}`}>
          {counts[severity]} {severity}
          {counts[severity] === 1 ? "" : "s"}
        </span>
      ))}
    </span>
  );
}
