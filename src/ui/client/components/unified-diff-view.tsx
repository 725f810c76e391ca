import { html as diffToHtml } from "diff2html";
import DOMPurify from "dompurify";
import { useEffect, useRef } from "preact/hooks";
import "diff2html/bundles/css/diff2html.min.css";

export type DiffLayout = "side-by-side" | "line-by-line";

/** A unified diff rendered side by side by diff2html (which escapes each line; DOMPurify is the second lock). */
export function UnifiedDiffView({
  diff,
  layout = "side-by-side",
}: {
  readonly diff: string;
  readonly layout?: DiffLayout;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const markup =
      diff.trim() === "" ? "" : diffToHtml(diff, { outputFormat: layout, drawFileList: false, matching: "lines" });
    element.innerHTML = DOMPurify.sanitize(markup);
  }, [diff, layout]);
  if (diff.trim() === "") return <p class="muted">No changes.</p>;
  return <div class="diff-view" ref={container} />;
}
