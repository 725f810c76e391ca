import { html as diffToHtml } from "diff2html";
import DOMPurify from "dompurify";
import "diff2html/bundles/css/diff2html.min.css";

export type DiffLayout = "side-by-side" | "line-by-line";

/**
 * diff2html's file header without its "Viewed" checkbox: `fileContentToggle: false` exists only for its
 * Diff2HtmlUI class, while `html()` always writes the checkbox, next to the review's own reject checkbox. It is
 * removed from the output rather than by a raw template: diff2html compiles raw templates with `Function`,
 * which the dashboard's Content-Security-Policy (`script-src 'self'`, no `'unsafe-eval'`) forbids.
 */
function withoutViewedCheckbox(html: string): string {
  const template = document.createElement("template");
  template.innerHTML = html;
  for (const viewed of template.content.querySelectorAll(".d2h-file-collapse")) viewed.remove();
  return template.innerHTML;
}

/** diff2html escapes each line it shows; DOMPurify is the second lock. Loaded only by pages that show diffs. */
export function renderDiffHtml(diff: string, layout: DiffLayout): string {
  return withoutViewedCheckbox(
    DOMPurify.sanitize(diffToHtml(diff, { outputFormat: layout, drawFileList: false, matching: "lines" })),
  );
}
