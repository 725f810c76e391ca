import { buildWorkspaceModel } from "../../src/rules/build-workspace-model.js";
import type { Finding, Rule } from "../../src/rules/rule.js";
import type { WorkspaceModel } from "../../src/rules/workspace-model.js";

/**
 * A workspace model from in-memory files (paths relative to the root, e.g. `.kiro/specs/x/tasks.md`), so
 * rules are tested on strings. `existing` lists the `#[[file:…]]` targets that exist.
 */
export function workspaceOf(files: Record<string, string | null>, existing: readonly string[] = []): WorkspaceModel {
  return buildWorkspaceModel({
    files: Object.entries(files).map(([path, text]) => (text === null ? { path } : { path, text })),
    existingReferences: new Set(existing),
  });
}

/** The findings of one rule on in-memory files. */
export function findingsOf(
  rule: Rule,
  files: Record<string, string | null>,
  existing: readonly string[] = [],
): Finding[] {
  return [...rule.check(workspaceOf(files, existing))];
}
