import type { ContextReport, ContextReportEntry } from "./context-report.js";

/** A part of the context a model call gets, as a titled markdown section. */
export interface ContextSection {
  readonly source: string;
  readonly title: string;
  readonly text: string;
  /** Why it is offered (an inclusion rule, "approved requirements", …). */
  readonly reason: string;
  /** Required sections (the request, the earlier documents) get room first; optional ones share the rest. */
  readonly required: boolean;
}

/** Something offered that did not make it in (a steering file whose rule did not match), for the report. */
export interface ExcludedContext {
  readonly source: string;
  readonly reason: string;
}

/**
 * Fits the sections into `maxChars`: required sections first, in order, then optional ones; a section that
 * does not fit is cut at a line end with a note saying so, and one with no room left is dropped. The report
 * says which happened to each, so `--verbose` can show what the model did not see.
 */
export function fitContext(
  sections: readonly ContextSection[],
  maxChars: number,
  excluded: readonly ExcludedContext[] = [],
): { readonly text: string; readonly report: ContextReport } {
  const ordered = [...sections.filter((section) => section.required), ...sections.filter((s) => !s.required)];
  let remaining = maxChars;
  const fitted = new Map<ContextSection, string>();
  const entries: ContextReportEntry[] = [];
  for (const section of ordered) {
    const header = `## ${section.title}\n\n`;
    const room = remaining - header.length;
    if (section.text.length <= room) {
      fitted.set(section, section.text);
      remaining -= header.length + section.text.length;
      entries.push({ source: section.source, status: "included", reason: section.reason, chars: section.text.length });
      continue;
    }
    const cut = cutAtLineEnd(section.text, room - 80);
    if (cut === "") {
      entries.push({ source: section.source, status: "excluded", reason: "no room left in the context", chars: 0 });
      continue;
    }
    const text = `${cut}\n[… cut: ${section.text.length - cut.length} more characters did not fit the context]`;
    fitted.set(section, text);
    remaining -= header.length + text.length;
    entries.push({
      source: section.source,
      status: "cut",
      reason: `${section.reason}; cut to ${cut.length} of ${section.text.length} characters to fit the context`,
      chars: cut.length,
    });
  }
  for (const entry of excluded)
    entries.push({ source: entry.source, status: "excluded", reason: entry.reason, chars: 0 });
  // The model reads the sections in the order the workflow gave them, whatever order they were fitted in.
  const text = sections
    .filter((section) => fitted.has(section))
    .map((section) => `## ${section.title}\n\n${fitted.get(section) ?? ""}`.trimEnd())
    .join("\n\n");
  return { text: `${text}\n`, report: { entries, maxChars, usedChars: maxChars - remaining } };
}

function cutAtLineEnd(text: string, length: number): string {
  if (length <= 0) return "";
  const slice = text.slice(0, length);
  const lineEnd = slice.lastIndexOf("\n");
  return lineEnd > 0 ? slice.slice(0, lineEnd) : slice;
}
