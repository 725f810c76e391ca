import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import { parseRequirements } from "../../../src/model/requirements/index.js";
import { corpusFiles } from "../../helpers/corpus.js";

const files = corpusFiles("requirements.md");
const parsed = files.map((file) => ({ ...file, document: parseRequirements(file.text) }));

describe("parseRequirements on every corpus requirements.md", () => {
  it("finds the corpus", () => {
    expect(files.length).toBe(99);
  });

  it("round-trips every file byte for byte", () => {
    const broken = parsed.filter(({ text, document }) => serializeDocument(document) !== text).map(({ name }) => name);
    expect(broken).toEqual([]);
  });

  it("reads requirements with criteria from every file with requirement headings", () => {
    const withHeadings = parsed.filter(({ text }) => /^### (?:Requirement|需求|要件|요구사항)\s*\w/m.test(text));
    expect(withHeadings.length).toBeGreaterThan(90);
    for (const { name, document } of withHeadings) {
      expect(document.requirements.length, name).toBeGreaterThan(0);
      const criteria = document.requirements.reduce((count, requirement) => count + requirement.criteria.length, 0);
      expect(criteria, name).toBeGreaterThan(0);
    }
    // A requirement without criteria is rare in real files, and each one is reported.
    const empty = parsed.flatMap(({ document }) => document.requirements.filter((r) => r.criteria.length === 0));
    const reported = parsed.flatMap(({ document }) =>
      document.diagnostics.filter((diagnostic) => diagnostic.code === "requirements/no-criteria"),
    );
    expect(empty.length).toBe(reported.length);
    expect(empty.length).toBeLessThanOrEqual(5);
  });

  it("gives each criterion an id of its requirement, unique unless diagnosed", () => {
    for (const { name, document } of parsed) {
      const duplicates = document.diagnostics.filter(
        (diagnostic) => diagnostic.code === "requirements/duplicate-criterion",
      ).length;
      let repeated = 0;
      for (const requirement of document.requirements) {
        const ids = requirement.criteria.map((criterion) => criterion.id);
        repeated += ids.length - new Set(ids).size;
        for (const criterion of requirement.criteria) {
          expect(criterion.id, name).toBe(`${requirement.id}.${criterion.number}`);
          expect(Number.isInteger(criterion.number) && criterion.number > 0, name).toBe(true);
        }
      }
      expect(repeated, name).toBe(duplicates);
    }
  });

  it("locates each criterion at its number and each requirement at its heading", () => {
    for (const { name, text, document } of parsed) {
      for (const requirement of document.requirements) {
        expect(text.slice(requirement.location.offset, requirement.location.endOffset), name).toMatch(/^#{2,4} /);
        for (const criterion of requirement.criteria) {
          const written = text.slice(criterion.location.offset, criterion.location.endOffset);
          expect(written.startsWith(criterion.rawNumber ?? "-"), `${name} ${criterion.id}`).toBe(true);
          expect(criterion.location.offset).toBeGreaterThanOrEqual(requirement.blockLocation.offset);
          expect(criterion.location.endOffset).toBeLessThanOrEqual(requirement.blockLocation.endOffset);
        }
      }
    }
  });

  it("reads the glossaries and user stories Kiro writes", () => {
    const withGlossary = parsed.filter(({ text }) => /^## Glossary/m.test(text));
    expect(withGlossary.length).toBeGreaterThan(60);
    for (const { name, document } of withGlossary) expect(document.glossary.length, name).toBeGreaterThan(0);
    const requirements = parsed.flatMap(({ document }) => document.requirements);
    const withStory = requirements.filter((requirement) => requirement.userStory !== undefined);
    expect(withStory.length / requirements.length).toBeGreaterThan(0.95);
  });

  it("gives few diagnostics, each a warning or info with a fix", () => {
    const diagnostics = parsed.flatMap(({ document }) => document.diagnostics);
    expect(diagnostics.length).toBeLessThanOrEqual(30);
    for (const diagnostic of diagnostics) {
      expect(["warning", "info"]).toContain(diagnostic.severity);
      expect(diagnostic.fix).toBeTruthy();
    }
  });
});
