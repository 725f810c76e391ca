import type { SpecCard } from "../api/api-types";
import { ApprovalChip } from "../components/approval-chip";
import { badgeText } from "../components/badge-text";
import { ProgressBar } from "../components/progress-bar";
import { SeverityCountsView } from "../components/severity-counts";
import { specHref } from "../routing/route";

function relativeTime(iso: string | undefined): string {
  if (iso === undefined) return "no activity";
  const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
  if (Number.isNaN(seconds)) return "no activity";
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} d ago`;
}

export function SpecCardView({ card, rootName }: { readonly card: SpecCard; readonly rootName: string | undefined }) {
  const { progress } = card;
  const drift = badgeText("drift", card.drift);
  const impact = badgeText("impact", card.impact);
  return (
    <a class="card" href={specHref(card.root, card.name)} data-spec={card.name} data-root={card.root}>
      <header class="card-header">
        <h3 class="card-title">{card.name}</h3>
        <span class="chip type">{card.type}</span>
        <span class="chip phase">phase: {card.phase}</span>
      </header>
      {rootName !== undefined && <div class="card-root muted">{rootName}</div>}
      <div class="card-approvals">
        {Object.entries(card.approvals).map(([document, approval]) => (
          <ApprovalChip key={document} document={document} approval={approval} />
        ))}
      </div>
      {progress === null ? (
        <div class="muted progress-missing">no tasks yet</div>
      ) : (
        <>
          <ProgressBar label="required" value={progress.required} kind="required" />
          {progress.optional.total > 0 && <ProgressBar label="optional" value={progress.optional} kind="optional" />}
        </>
      )}
      <div class="card-footer">
        {progress !== null && progress.inProgress > 0 && (
          <span class="chip running">{progress.inProgress} in progress</span>
        )}
        {progress !== null && progress.queued > 0 && <span class="chip queued">{progress.queued} queued</span>}
        {progress !== null && progress.needsReview > 0 && (
          <span class="chip needs-review">{progress.needsReview} needs review</span>
        )}
        {(card.paused ?? 0) > 0 && <span class="chip needs-review">{card.paused} paused</span>}
        <SeverityCountsView counts={card.diagnostics} />
        {drift !== undefined && <span class="chip drift">{drift}</span>}
        {impact !== undefined && (
          <span class="chip impact" title={impact}>
            impact
          </span>
        )}
        <span class="card-activity muted" title={card.lastActivity}>
          {relativeTime(card.lastActivity)}
        </span>
      </div>
    </a>
  );
}
