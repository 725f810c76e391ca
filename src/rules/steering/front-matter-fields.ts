import type { SteeringDocument } from "../../model/steering/index.js";
import { closestMatches } from "../../model/text/closest-matches.js";

/**
 * Keys other tools use for file globs (Cursor's `globs`, Copilot's `applyTo`…): a steering file that has one
 * instead of `fileMatchPattern` was most likely written for Kiro by someone used to those tools.
 */
const PATTERN_KEY_ALIASES = ["globs", "glob", "pattern", "patterns", "filePattern", "filePatterns", "applyTo", "files"];

/** Whether the parser already reported a problem on `key`'s line(s), so a rule need not report it again. */
export function fieldReported(document: SteeringDocument, key: string): boolean {
  const field = document.frontMatter?.fields.find((entry) => entry.key === key);
  if (!field) return false;
  const start = field.keyLocation.offset;
  const end = Math.max(field.keyLocation.endOffset, field.valueLocation.endOffset);
  return document.diagnostics.some(
    (diagnostic) => diagnostic.location.offset >= start && diagnostic.location.offset <= end,
  );
}

/** A front matter key that looks like a misspelt or borrowed `fileMatchPattern` (`fileMatchPatterns`, `globs`). */
export function misspeltPatternKey(document: SteeringDocument): string | undefined {
  const keys = Object.keys(document.data).filter((key) => key !== "fileMatchPattern");
  return (
    keys.find((key) => PATTERN_KEY_ALIASES.some((alias) => alias.toLowerCase() === key.toLowerCase())) ??
    keys.find((key) => closestMatches(key, ["fileMatchPattern"]).length > 0 && key.length > 6)
  );
}
