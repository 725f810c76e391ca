import type { DoneTotal } from "../api/api-types";

/** A thin bar with its count; `kind` colours required and optional work apart. */
export function ProgressBar({
  label,
  value,
  kind,
}: {
  readonly label: string;
  readonly value: DoneTotal;
  readonly kind: "required" | "optional";
}) {
  const percent = value.total === 0 ? 0 : Math.round((value.done / value.total) * 100);
  return (
    <div class={`progress ${kind}`} title={`${label}: ${value.done} of ${value.total} done`}>
      <span class="progress-label">{label}</span>
      <span
        class="progress-track"
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={label}
      >
        <span class="progress-fill" style={{ width: `${percent}%` }} />
      </span>
      <span class="progress-count">
        {value.done}/{value.total}
      </span>
    </div>
  );
}
