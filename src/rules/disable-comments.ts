import type { SourceText } from "../model/source/source-text.js";

const DISABLE_NEXT_LINE = /<!--\s*specwright-disable-next-line\b([^>]*?)-->/;

/**
 * Lines silenced by `<!-- specwright-disable-next-line rule-id, other-id -->`: line number → rule ids
 * (an empty set silences every rule). The comment applies to the next non-blank line.
 */
export function findDisabledLines(source: SourceText): Map<number, ReadonlySet<string>> {
  const disabled = new Map<number, ReadonlySet<string>>();
  const lines = source.lines;
  for (let index = 0; index < lines.length; index++) {
    const match = DISABLE_NEXT_LINE.exec(lines[index]?.text ?? "");
    if (!match) continue;
    let target = index + 1;
    while (target < lines.length && (lines[target]?.text.trim() ?? "") === "") target++;
    const ids = (match[1] ?? "")
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter((id) => id !== "" && id !== "--");
    disabled.set(target + 1, new Set(ids));
  }
  return disabled;
}

export function isDisabled(
  disabled: Map<number, ReadonlySet<string>> | undefined,
  line: number,
  rule: string,
): boolean {
  const rules = disabled?.get(line);
  return rules !== undefined && (rules.size === 0 || rules.has(rule));
}
