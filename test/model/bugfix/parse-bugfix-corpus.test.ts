import { describe, expect, it } from "vitest";
import { parseBugfix } from "../../../src/model/bugfix/index.js";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import { corpusFiles } from "../../helpers/corpus.js";

describe("parseBugfix on the corpus", () => {
  const files = corpusFiles("bugfix.md");

  it("reads every corpus bugfix.md without diagnostics", () => {
    expect(files).toHaveLength(3);
    for (const { name, text } of files) {
      const document = parseBugfix(text);
      expect(serializeDocument(document), name).toBe(text);
      expect(document.diagnostics, name).toEqual([]);
      expect(
        document.sections.map((section) => section.group),
        name,
      ).toEqual(["current", "expected", "unchanged"]);
      const ids = document.clauses.map((clause) => clause.id);
      expect(new Set(ids).size, name).toBe(ids.length);
      for (const clause of document.clauses) {
        expect(clause.id.startsWith({ current: "1.", expected: "2.", unchanged: "3." }[clause.group]), name).toBe(true);
        expect(text.slice(clause.location.offset).startsWith(clause.id), name).toBe(true);
        // The defect is described, the fix and the preserved behaviour are required.
        expect(clause.ears.hasShall, `${name} ${clause.id}`).toBe(clause.group !== "current");
      }
    }
  });
});
