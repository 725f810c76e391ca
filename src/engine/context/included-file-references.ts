import type { FileReference } from "../../model/steering/file-references.js";
import type { SteeringDocument } from "../../model/steering/parse-steering.js";

/**
 * The `#[[file:…]]` markers Kiro inlines: outside front matter and code, and not in an inline code span,
 * where `` `#[[file:x]]` `` shows the syntax to a reader (as `steering/missing-file-reference` judges it).
 */
export function includedFileReferences(document: SteeringDocument): FileReference[] {
  return document.fileReferences.filter((reference) => {
    const line = document.source.lines[reference.location.line - 1];
    if (!line) return true;
    const before = line.text.slice(0, reference.location.offset - line.offset);
    return (before.match(/`/g) ?? []).length % 2 === 0;
  });
}
