import { useEffect, useRef } from "preact/hooks";
import type { DiffLayout } from "./render-diff-html";

/** A unified diff rendered by diff2html, side by side unless told otherwise. */
export function UnifiedDiffView({
  diff,
  layout = "side-by-side",
}: {
  readonly diff: string;
  readonly layout?: DiffLayout;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let current = true;
    void import("./render-diff-html").then(({ renderDiffHtml }) => {
      const element = container.current;
      if (current && element !== null) element.innerHTML = renderDiffHtml(diff, layout);
    });
    return () => {
      current = false;
    };
  }, [diff, layout]);
  if (diff.trim() === "") return <p class="muted">No changes.</p>;
  return <div class="diff-view" ref={container} />;
}
