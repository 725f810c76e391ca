import { describe, expect, it } from "vitest";
import { parseDesign } from "../../../src/model/design/index.js";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import { corpusFiles } from "../../helpers/corpus.js";

const files = corpusFiles(/\/\.kiro\/specs\/[^/]+\/design\.md$/);
const parsed = files.map((file) => ({ file, document: parseDesign(file.text) }));

describe("design.md corpus", () => {
  it("has the files the corpus README lists", () => expect(files.length).toBe(99));

  it("round-trips every file", () => {
    for (const { file, document } of parsed) expect(serializeDocument(document), file.name).toBe(file.text);
  });

  it("finds the correctness properties, each with the criteria it validates", () => {
    const properties = parsed.flatMap(({ document }) => document.properties);
    expect(properties.length).toBeGreaterThan(550);
    expect(parsed.filter(({ document }) => document.properties.length > 0).length).toBe(47);
    for (const property of properties) {
      expect(property.number).toMatch(/^\d+$/);
      expect(property.title).not.toBe("");
      expect(property.validates?.ids.length).toBeGreaterThan(0);
      expect(property.validates?.unrecognized).toEqual([]);
    }
    expect(new Set(properties.map((property) => property.form))).toEqual(new Set(["heading", "paragraph"]));
  });

  it("numbers properties without duplicates inside a file", () => {
    for (const { file, document } of parsed) {
      const numbers = document.properties.map((property) => property.number);
      expect(new Set(numbers).size, file.name).toBe(numbers.length);
    }
  });

  it("finds every property heading the files contain", () => {
    for (const { file, document } of parsed) {
      const headings = file.text.match(/^#{2,4} (?:Property|属性) \d+[:：]/gm) ?? [];
      const found = document.properties.filter((property) => property.form === "heading").length;
      expect(found, file.name).toBe(headings.length);
    }
  });

  it("reads the mermaid diagrams", () => {
    const blocks = parsed.flatMap(({ document }) => document.mermaidBlocks);
    expect(blocks.length).toBeGreaterThan(50);
    expect(blocks.every((block) => block.closed && block.content.trim() !== "")).toBe(true);
  });

  it("only reports code fences that really are out of step", () => {
    const found = parsed.flatMap(({ file, document }) =>
      document.diagnostics.map((d) => `${file.name.split("/.kiro/specs/")[1]}:${d.code}:${d.location.line}`),
    );
    expect(found).toEqual([
      "agent-runner/design.md:markdown-fence-mismatch:103",
      "dispatcher/design.md:markdown-fence-mismatch:66",
      "repo-pool-manager/design.md:markdown-fence-mismatch:66",
      "ai-sound-system/design.md:markdown-fence-mismatch:317",
    ]);
  });
});
