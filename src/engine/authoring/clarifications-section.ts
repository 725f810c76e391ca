import type { Clarification } from "./clarifying-question.js";

export const CLARIFICATIONS_HEADING = "### Clarifications";

/** The answered questions as a markdown list, the body of the Clarifications subsection. */
export function renderClarifications(clarifications: readonly Clarification[]): string {
  return clarifications.map((entry) => `- **${oneLine(entry.question)}** ${oneLine(entry.answer)}`).join("\n");
}

/**
 * Records the answers in the document: a `### Clarifications` subsection at the end of its first `## `
 * section (the Introduction of requirements and bugfix documents, the Overview of a design). One the model
 * wrote itself is replaced, so the document always records the answers as given. No answers: unchanged.
 */
export function insertClarifications(document: string, clarifications: readonly Clarification[]): string {
  if (clarifications.length === 0) return document;
  const lines = withoutClarifications(document.split("\n"));
  const first = lines.findIndex((line) => line.startsWith("## "));
  if (first < 0) return document;
  let end = lines.length;
  let inFence = false;
  for (let index = first + 1; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && /^#{1,2} /.test(line)) {
      end = index;
      break;
    }
  }
  let contentEnd = end;
  while (contentEnd > first + 1 && (lines[contentEnd - 1] ?? "").trim() === "") contentEnd--;
  const section = ["", CLARIFICATIONS_HEADING, "", renderClarifications(clarifications), ""];
  const after = lines.slice(end);
  return [...lines.slice(0, contentEnd), ...section, ...after].join("\n");
}

/** The lines without a `### Clarifications` subsection (up to the next heading of level 1 to 3). */
function withoutClarifications(lines: readonly string[]): string[] {
  const start = lines.findIndex((line) => line.trimEnd() === CLARIFICATIONS_HEADING);
  if (start < 0) return [...lines];
  let end = start + 1;
  while (end < lines.length && !/^#{1,3} /.test(lines[end] ?? "")) end++;
  let before = start;
  while (before > 0 && (lines[before - 1] ?? "").trim() === "") before--;
  return [...lines.slice(0, before), ...(end < lines.length ? [""] : []), ...lines.slice(end)];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
