import type { SourceLine } from "../../model/source/source-text.js";
import { defineRule } from "../rule.js";

/** Whether column `index` of the line sits inside an inline code span (an odd number of backticks before it). */
function insideInlineCode(line: SourceLine | undefined, index: number): boolean {
  if (!line) return false;
  return (line.text.slice(0, index).match(/`/g) ?? []).length % 2 === 1;
}

export const missingFileReference = defineRule({
  id: "steering/missing-file-reference",
  family: "steering",
  severity: "warning",
  summary: "A `#[[file:…]]` reference in a steering file names a file that does not exist, so Kiro inlines nothing.",
  fix: "Correct the path (relative to the workspace root, e.g. `#[[file:docs/api.yaml]]`) or remove the reference.",
  *check(workspace) {
    for (const { path, document } of workspace.steering) {
      for (const reference of document.fileReferences) {
        const line = document.source.lines[reference.location.line - 1];
        const index = reference.location.offset - (line?.offset ?? 0);
        // `#[[file:x]]` in backticks shows the syntax to a reader; it is not meant as an include.
        if (insideInlineCode(line, index)) continue;
        if (reference.path === "") {
          yield {
            file: path,
            location: reference.location,
            message: "`#[[file:]]` names no file.",
            fix: "Write the path after `file:`, relative to the workspace root, or remove the reference.",
          };
          continue;
        }
        if (workspace.existingReferences.has(reference.path)) continue;
        yield {
          file: path,
          location: reference.location,
          message: `\`#[[file:${reference.path}]]\`: there is no file ${reference.path} in the workspace, so Kiro includes nothing here.`,
          fix: `Correct the path (relative to the workspace root, not to .kiro/steering) or remove the reference.`,
        };
      }
    }
  },
});
