import { scanMarkdown } from "../model/markdown/scan-markdown.js";
import type { SourceLocation } from "../model/source/source-location.js";
import { lineLocation, type SourceText } from "../model/source/source-text.js";

// On a line of its own, as ESLint's directives: a mention inside prose or `code` is not a directive.
const DISABLE_NEXT_LINE = /^\s*<!--\s*specwright-disable-next-line\b([^>]*?)-->\s*$/d;

/** `<!-- specwright-disable-next-line rule-id, other-id -->`: the rule ids it names and the line it silences. */
export interface DisableComment {
  /** The line silenced: the next non-blank one. */
  readonly targetLine: number;
  /** Each rule id as written, with its position; none means every rule. */
  readonly ids: readonly { readonly id: string; readonly location: SourceLocation }[];
}

// Found once per document: `check` asks for every markdown file twice (to apply them, and to report unknown
// rule ids in them), and most documents have none, which one substring search settles without a scan.
const found = new WeakMap<SourceText, DisableComment[]>();

export function findDisableComments(source: SourceText): DisableComment[] {
  let comments = found.get(source);
  if (!comments) {
    comments = source.text.includes("specwright-disable-next-line") ? scanDisableComments(source) : [];
    found.set(source, comments);
  }
  return comments;
}

function scanDisableComments(source: SourceText): DisableComment[] {
  const comments: DisableComment[] = [];
  const lines = source.lines;
  const scanned = scanMarkdown(source, { frontMatter: true });
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    // Inside a fenced block the comment is an example, not a directive.
    const match = line && scanned[index]?.kind.type === "text" ? DISABLE_NEXT_LINE.exec(line.text) : null;
    if (!line || !match) continue;
    let target = index + 1;
    while (target < lines.length && (lines[target]?.text.trim() ?? "") === "") target++;
    const start = match.indices?.[1]?.[0] ?? 0;
    const ids = [...(match[1] ?? "").matchAll(/[^\s,]+/g)]
      .filter((id) => id[0] !== "--")
      .map((id) => ({
        id: id[0],
        location: lineLocation(line, start + (id.index ?? 0), start + (id.index ?? 0) + id[0].length),
      }));
    comments.push({ targetLine: target + 1, ids });
  }
  return comments;
}

/** Lines silenced by disable comments: line number → rule ids (an empty set silences every rule). */
export function findDisabledLines(source: SourceText): Map<number, ReadonlySet<string>> {
  return new Map(
    findDisableComments(source).map((comment) => [comment.targetLine, new Set(comment.ids.map((entry) => entry.id))]),
  );
}

export function isDisabled(
  disabled: Map<number, ReadonlySet<string>> | undefined,
  line: number,
  rule: string,
): boolean {
  const rules = disabled?.get(line);
  return rules !== undefined && (rules.size === 0 || rules.has(rule));
}
