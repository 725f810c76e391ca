import DOMPurify from "dompurify";
import { marked } from "marked";

/** Markdown to sanitized HTML: spec text is the user's, but a pasted `<script>` must not run in the page. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true });
  return DOMPurify.sanitize(html);
}
