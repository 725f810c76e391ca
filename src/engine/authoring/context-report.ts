/** One piece of context a model call was offered, and whether it made it into the prompt. */
export interface ContextReportEntry {
  /** What it is: a steering file's path, "requirements.md", "repository inventory", … */
  readonly source: string;
  readonly status: "included" | "cut" | "excluded";
  /** Why: the inclusion rule that matched, or why it was left out or shortened. */
  readonly reason: string;
  /** Characters that went into the prompt. */
  readonly chars: number;
}

export interface ContextReport {
  readonly entries: readonly ContextReportEntry[];
  /** The character budget of the context. */
  readonly maxChars: number;
  readonly usedChars: number;
}

/** The report as plain text lines, for `--verbose`. */
export function renderAuthoringContextReport(report: ContextReport): string {
  const lines = report.entries.map(
    (entry) => `  ${entry.status.padEnd(8)} ${entry.source} (${entry.chars} chars): ${entry.reason}`,
  );
  return [`context: ${report.usedChars} of ${report.maxChars} chars`, ...lines].join("\n");
}
