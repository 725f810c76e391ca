import type { SteeringDocument } from "../../model/steering/parse-steering.js";
import { includedFileReferences } from "./included-file-references.js";
import type { ReferencedFile } from "./steering-selection.js";

/**
 * The steering text a model sees: the body without front matter, each `#[[file:…]]` replaced by the file's
 * content between markers naming it (Kiro inlines it the same way); a target that could not be read leaves
 * a note in its place.
 */
export function inlineFileReferences(document: SteeringDocument, files: readonly ReferencedFile[]): string {
  const text = document.source.text;
  const bodyStart = bodyOffset(document);
  const references = includedFileReferences(document).filter((reference) => reference.location.offset >= bodyStart);
  let result = "";
  let position = bodyStart;
  for (const reference of references) {
    result += text.slice(position, reference.location.offset);
    const file = files.find((candidate) => candidate.path === reference.path);
    result +=
      file?.text === undefined
        ? `[file ${reference.path} not included: ${file?.problem ?? "it was not read"}]`
        : `<file path="${reference.path}">\n${file.text.replace(/\n$/, "")}\n</file>`;
    position = reference.location.endOffset;
  }
  return (result + text.slice(position)).replace(/^\uFEFF/, "").trim();
}

function bodyOffset(document: SteeringDocument): number {
  const endLine = document.frontMatter?.endLineIndex;
  if (endLine === undefined) return 0;
  return document.source.lines[endLine]?.offset ?? document.source.text.length;
}
