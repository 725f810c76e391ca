import { html as diffToHtml } from "diff2html";
import DOMPurify from "dompurify";
import "diff2html/bundles/css/diff2html.min.css";

export type DiffLayout = "side-by-side" | "line-by-line";

/**
 * diff2html's file header without its "Viewed" checkbox: `fileContentToggle: false` exists only for its
 * Diff2HtmlUI class, while `html()` always writes the checkbox, next to the review's own reject checkbox.
 */
const FILE_PATH_WITHOUT_VIEWED = `<span class="d2h-file-name-wrapper">
    {{>fileIcon}}
    <span class="d2h-file-name">{{fileDiffName}}</span>
    {{>fileTag}}
</span>`;

/** diff2html escapes each line it shows; DOMPurify is the second lock. Loaded only by pages that show diffs. */
export function renderDiffHtml(diff: string, layout: DiffLayout): string {
  return DOMPurify.sanitize(
    diffToHtml(diff, {
      outputFormat: layout,
      drawFileList: false,
      matching: "lines",
      rawTemplates: { "generic-file-path": FILE_PATH_WITHOUT_VIEWED },
    }),
  );
}
