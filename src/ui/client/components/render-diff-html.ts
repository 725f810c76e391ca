import { html as diffToHtml } from "diff2html";
import DOMPurify from "dompurify";
import "diff2html/bundles/css/diff2html.min.css";

export type DiffLayout = "side-by-side" | "line-by-line";

/** diff2html escapes each line it shows; DOMPurify is the second lock. Loaded only by pages that show diffs. */
export function renderDiffHtml(diff: string, layout: DiffLayout): string {
  return DOMPurify.sanitize(diffToHtml(diff, { outputFormat: layout, drawFileList: false, matching: "lines" }));
}
