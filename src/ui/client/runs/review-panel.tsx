import { useState } from "preact/hooks";
import { UnifiedDiffView } from "../components/unified-diff-view";
import type { PendingReview } from "./run-state";

interface Properties {
  readonly review: PendingReview;
  onAnswer(rejectedPaths: readonly string[], message: string | undefined): void;
}

/** A supervised pause: the turn's files, each acceptable or rejectable, and an optional message to the model. */
export function ReviewPanel({ review, onAnswer }: Properties) {
  const [rejected, setRejected] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState("");
  const toggle = (path: string) => {
    const next = new Set(rejected);
    if (next.has(path)) next.delete(path);
    else next.add(path);
    setRejected(next);
  };
  const trimmed = message.trim();
  return (
    <section class="review-panel" aria-label="Review">
      <h3>
        Review task {review.request.taskId}, step {review.request.step}
      </h3>
      {review.request.files.map((file) => (
        <div class="review-file" key={file.path}>
          <label>
            <input type="checkbox" checked={rejected.has(file.path)} onChange={() => toggle(file.path)} /> reject{" "}
            <code>{file.path}</code> ({file.change})
          </label>
          <UnifiedDiffView diff={file.diff} layout="line-by-line" />
        </div>
      ))}
      <textarea
        name="review-message"
        placeholder="A message for the model (optional)"
        value={message}
        onInput={(event) => setMessage(event.currentTarget.value)}
      />
      <div class="buttons">
        <button type="button" class="primary" onClick={() => onAnswer([], undefined)} disabled={rejected.size > 0}>
          Accept all
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => onAnswer([...rejected], trimmed === "" ? undefined : trimmed)}
          disabled={rejected.size === 0 && trimmed === ""}
        >
          {rejected.size > 0 ? `Reject ${rejected.size} file${rejected.size === 1 ? "" : "s"}` : "Reject with message"}
        </button>
      </div>
    </section>
  );
}
