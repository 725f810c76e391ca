import { type EditResult, editApplied, editRefused } from "../edit/edit-result.js";
import { splitSourceText } from "../source/source-text.js";
import { closestMatches } from "../text/closest-matches.js";
import { findSections, scanMarkdown } from "./scan-markdown.js";

/**
 * Replaces what sits under a heading (up to the next heading of the same or a higher level) and keeps the
 * heading and everything else. The new body is written with the file's line endings.
 */
export function replaceSectionBody(text: string, headingTitle: string, body: string): EditResult {
  const source = splitSourceText(text);
  const lines = scanMarkdown(source);
  const sections = findSections(lines);
  const wanted = headingTitle.trim().toLowerCase();
  const section = sections.find((entry) => entry.title.toLowerCase() === wanted);
  if (!section) {
    const candidates = closestMatches(
      headingTitle,
      sections.map((entry) => entry.title),
    );
    return editRefused({
      code: "unknown-section",
      message: `There is no section "${headingTitle}".${candidates.length > 0 ? ` Did you mean ${candidates.map((c) => `"${c}"`).join(", ")}?` : ""}`,
      fix: "Name a heading that exists in the document, without its # marks.",
      candidates,
    });
  }
  const eol = source.dominantEol;
  const heading = lines[section.headingIndex]?.line;
  const lastLine = lines[section.endIndex - 1]?.line;
  if (!heading || !lastLine) return editApplied(text, []);
  const start = heading.offset + heading.text.length + heading.eol.length;
  const end = lastLine === heading ? start : lastLine.offset + lastLine.text.length + lastLine.eol.length;
  const bodyLines = body
    .replace(/\r\n?|\n/g, "\n")
    .replace(/\n$/, "")
    .split("\n");
  // A heading on the file's last line has no ending yet: the body needs one before it.
  const lead = heading.eol === "" ? eol : "";
  const atEnd = end >= text.length && lastLine.eol === "";
  const replacement = lead + bodyLines.join(eol) + (atEnd ? "" : eol);
  return editApplied(text, [{ offset: start, length: end - start, text: body === "" && !lead ? "" : replacement }]);
}
