import { type MarkdownLine, scanMarkdown } from "../markdown/scan-markdown.js";
import type { Diagnostic } from "../source/diagnostic.js";
import { lineLocation, type SourceText } from "../source/source-text.js";

const OPENING_FENCE_WITH_INFO = /^[ \t]{0,3}(?:`{3,}|~{3,})[ \t]*[A-Za-z]/;

/** A code fence out of step with the document. */
export interface FenceProblem {
  /** Index (into the scanned lines) of the fence that opens the faulty block. */
  readonly index: number;
  /**
   * `unclosed`: the block runs to the end of the file. `stray`: a bare fence whose block swallows the start
   * of the next code block ("```typescript"), so it is most likely a leftover. `missing-close`: a block with a
   * language swallows the start of the next one: its closing fence is missing.
   */
  readonly problem: "unclosed" | "stray" | "missing-close";
  /** For `stray` and `missing-close`: index of the swallowed opening fence. */
  readonly swallowedIndex?: number;
}

export function findFenceProblem(lines: readonly MarkdownLine[]): FenceProblem | undefined {
  let open: number | undefined;
  for (let index = 0; index < lines.length; index++) {
    const entry = lines[index];
    if (!entry) continue;
    const kind = entry.kind;
    if (kind.type === "fence") {
      open = kind.opens ? index : undefined;
      continue;
    }
    const openKind = open === undefined ? undefined : lines[open]?.kind;
    if (open !== undefined && kind.type === "code" && OPENING_FENCE_WITH_INFO.test(entry.line.text)) {
      const bare = openKind?.type === "fence" && openKind.info === "";
      return { index: open, problem: bare ? "stray" : "missing-close", swallowedIndex: index };
    }
  }
  return open === undefined ? undefined : { index: open, problem: "unclosed" };
}

const MESSAGES: Readonly<Record<FenceProblem["problem"], string>> = {
  unclosed: "This code block is never closed, so everything after it renders as code.",
  stray:
    "This code fence looks like a leftover: its block runs into the next code block, so the fences after it are out of step and text renders as code.",
  "missing-close":
    "This code block is not closed before the next code block starts, so the text between them renders as code.",
};

/**
 * Scans the document for structure. A fence out of step hides text (properties, sections) inside a code
 * block: it is reported. A leftover or unclosed fence is then ignored so the text after it is read as markdown,
 * as a reader skimming the file would; a missing closing fence is only reported, since where the code ends is
 * a guess.
 */
export function scanDesignStructure(
  source: SourceText,
  lines: readonly MarkdownLine[],
  diagnostics: Diagnostic[],
): readonly MarkdownLine[] {
  let current = lines;
  const ignored = new Set<number>();
  for (let attempt = 0; attempt < 20; attempt++) {
    const found = findFenceProblem(current);
    const fence = found === undefined ? undefined : lines[found.index];
    if (!found || !fence || ignored.has(found.index)) break;
    const text = fence.line.text;
    const start = text.length - text.trimStart().length;
    const swallowed = found.swallowedIndex === undefined ? undefined : lines[found.swallowedIndex]?.line.number;
    diagnostics.push({
      code: "markdown-fence-mismatch",
      severity: "warning",
      message: swallowed === undefined ? MESSAGES[found.problem] : `${MESSAGES[found.problem]} (see line ${swallowed})`,
      fix:
        found.problem === "missing-close"
          ? "Add a closing fence line where this code ends."
          : "Remove this fence if it is a leftover, or close its code block where the code ends.",
      location: lineLocation(fence.line, start, text.trimEnd().length),
    });
    if (found.problem === "missing-close") break;
    ignored.add(found.index);
    const patched: SourceText = {
      ...source,
      lines: source.lines.map((line, index) => (ignored.has(index) ? { ...line, text: "" } : line)),
    };
    current = scanMarkdown(patched, { frontMatter: true }).map((entry, index) => {
      const original = lines[index];
      return ignored.has(index) && original ? { line: original.line, kind: { type: "text", indent: 0 } } : entry;
    });
  }
  return current;
}
