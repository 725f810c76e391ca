/** What went into a model's context, and what was left out or cut, with sizes (for `--verbose`). */
export interface ContextReport {
  readonly maxChars: number;
  /** Characters of the rendered context. */
  readonly totalChars: number;
  readonly parts: readonly ContextReportPart[];
}

export interface ContextReportPart {
  readonly kind: "task" | "criteria" | "design" | "steering";
  /** `task 2.1`, `design: Components > Limiter`, `.kiro/steering/tech.md`. */
  readonly name: string;
  readonly outcome: "included" | "cut" | "excluded";
  /** Why it is in or out: the steering inclusion reason, the ids a design section mentions, the cap. */
  readonly reason: string;
  /** Characters in the context (0 when excluded). */
  readonly chars: number;
  /** Characters before any cut. */
  readonly fullChars: number;
}

/** Pure: the report as lines for a terminal, one part a line, included first. */
export function renderContextReport(report: ContextReport): string {
  const order = { included: 0, cut: 1, excluded: 2 } as const;
  const parts = [...report.parts].sort((a, b) => order[a.outcome] - order[b.outcome]);
  const width = Math.max(0, ...parts.map((part) => part.name.length));
  const lines = parts.map((part) => {
    const size =
      part.outcome === "excluded"
        ? ""
        : part.outcome === "cut"
          ? `${formatCount(part.chars)} of ${formatCount(part.fullChars)} chars`
          : `${formatCount(part.chars)} chars`;
    return `  ${part.outcome.padEnd(8)} ${part.name.padEnd(width)}  ${size}${size && part.reason ? "  " : ""}${part.reason}`.trimEnd();
  });
  const header = `Context: ${formatCount(report.totalChars)} of at most ${formatCount(report.maxChars)} characters`;
  return `${[header, ...lines].join("\n")}\n`;
}

function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}
