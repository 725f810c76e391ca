import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import { parseSteering } from "../../../src/model/steering/index.js";
import { corpusFiles } from "../../helpers/corpus.js";

const files = corpusFiles(/\/\.kiro\/steering\/[^/]+\.md$/);

describe("steering corpus", () => {
  it("has the files the corpus README lists", () => expect(files.length).toBe(247));

  it("round-trips every file", () => {
    for (const file of files) expect(serializeDocument(parseSteering(file.text)), file.name).toBe(file.text);
  });

  it("only diagnoses the inclusion values Kiro does not know", () => {
    const found = files.flatMap((file) =>
      parseSteering(file.text).diagnostics.map((d) => `${file.name.split("/")[0]}:${d.code}:${d.location.line}`),
    );
    expect(found.sort()).toEqual([
      "damlalper__Ceefax2077-Kiroween:steering-unknown-inclusion:4",
      "damlalper__Ceefax2077-Kiroween:steering-unknown-inclusion:4",
      "llamojha__no-vibe-no-code-kiroween:steering-unknown-inclusion:3",
    ]);
  });

  it("reads every inclusion mode and every pattern form", () => {
    const documents = files.map((file) => parseSteering(file.text));
    const modes = new Set(documents.map((d) => d.inclusionMode));
    expect(modes).toEqual(new Set(["always", "fileMatch", "manual", "auto", "unknown"]));
    const fileMatch = documents.filter((d) => d.inclusionMode === "fileMatch");
    expect(fileMatch.length).toBeGreaterThan(30);
    for (const document of fileMatch) expect(document.fileMatchPatterns.length).toBeGreaterThan(0);
    expect(documents.some((d) => Array.isArray(d.fileMatchPattern) && d.fileMatchPattern.length > 1)).toBe(true);
    for (const document of documents) {
      for (const pattern of document.fileMatchPatterns) {
        expect(document.source.text.slice(pattern.location.offset, pattern.location.endOffset)).toContain(
          pattern.pattern,
        );
      }
    }
    const references = documents.flatMap((d) => d.fileReferences);
    expect(references.length).toBe(14);
    expect(references.every((ref) => ref.path !== "" && !ref.path.includes("]"))).toBe(true);
  });
});
