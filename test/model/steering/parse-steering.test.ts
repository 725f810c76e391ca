import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import { parseSteering } from "../../../src/model/steering/index.js";

function slice(text: string, location: { offset: number; endOffset: number } | undefined): string {
  return location ? text.slice(location.offset, location.endOffset) : "";
}

describe("parseSteering", () => {
  it("treats a file without front matter as always included", () => {
    const document = parseSteering("# Tech\n\nUse pnpm.\n");
    expect(document.kind).toBe("steering");
    expect(document.frontMatter).toBeUndefined();
    expect(document.inclusion).toBeUndefined();
    expect(document.inclusionMode).toBe("always");
    expect(document.diagnostics).toEqual([]);
  });

  it("reads fileMatch with a quoted string pattern", () => {
    const text = '---\ninclusion: fileMatch\nfileMatchPattern: "**/*.{jsx,tsx}"\n---\n# React\n';
    const document = parseSteering(text);
    expect(document.inclusionMode).toBe("fileMatch");
    expect(document.inclusion?.value).toBe("fileMatch");
    expect(document.inclusion?.location).toMatchObject({ line: 2, column: 12, endColumn: 21 });
    expect(document.fileMatchPatterns.map((p) => [p.pattern, slice(text, p.location)])).toEqual([
      ["**/*.{jsx,tsx}", '"**/*.{jsx,tsx}"'],
    ]);
    expect(Array.isArray(document.fileMatchPattern)).toBe(false);
    expect(document.diagnostics).toEqual([]);
    expect(serializeDocument(document)).toBe(text);
  });

  it("reads inline and block lists with the location of each item", () => {
    const inline = "---\ninclusion: fileMatch\nfileMatchPattern: ['src/**/*.cs', 'editor/**/*.json']\n---\n";
    const inlineDocument = parseSteering(inline);
    expect(inlineDocument.fileMatchPatterns.map((p) => [p.pattern, p.location.line, p.location.column])).toEqual([
      ["src/**/*.cs", 3, 20],
      ["editor/**/*.json", 3, 35],
    ]);
    const block =
      "---\r\ninclusion: fileMatch\r\nfileMatchPattern:\r\n  - '*.rs'\r\n  - server/**/*.rs\r\n---\r\nBody\r\n";
    const blockDocument = parseSteering(block);
    expect(blockDocument.diagnostics).toEqual([]);
    expect(blockDocument.fileMatchPatterns.map((p) => [p.pattern, slice(block, p.location), p.location.line])).toEqual([
      ["*.rs", "'*.rs'", 4],
      ["server/**/*.rs", "server/**/*.rs", 5],
    ]);
    expect(serializeDocument(blockDocument)).toBe(block);
  });

  it("keeps a comma-separated pattern as one pattern, as Kiro reads it", () => {
    const document = parseSteering('---\ninclusion: fileMatch\nfileMatchPattern: "**/*.ts, **/*.tsx"\n---\n');
    expect(document.fileMatchPatterns.map((p) => p.pattern)).toEqual(["**/*.ts, **/*.tsx"]);
  });

  it("reads manual and auto with name, description and extra keys", () => {
    const text =
      "\uFEFF---\ninclusion: auto\nname: api-style\ndescription: REST conventions\ntitle: API\ncontextKey: 3\n---\n";
    const document = parseSteering(text);
    expect(document.inclusionMode).toBe("auto");
    expect(document.name?.value).toBe("api-style");
    expect(document.description?.value).toBe("REST conventions");
    expect(document.data).toEqual({
      inclusion: "auto",
      name: "api-style",
      description: "REST conventions",
      title: "API",
      contextKey: 3,
    });
    expect(document.name?.location).toMatchObject({ line: 3, column: 7, offset: text.indexOf("api-style") });
    expect(serializeDocument(document)).toBe(text);
  });

  it("reports unknown inclusion values with a fix suited to each", () => {
    const conditional = parseSteering('---\ninclusion: conditional\nfileMatchPattern: "TheBlast.tsx"\n---\n');
    expect(conditional.inclusionMode).toBe("unknown");
    expect(conditional.diagnostics).toMatchObject([
      { code: "steering-unknown-inclusion", severity: "warning", location: { line: 2, column: 12, endColumn: 23 } },
    ]);
    expect(conditional.diagnostics[0]?.fix).toContain("inclusion: fileMatch");
    const never = parseSteering("---\ntitle: Git\ninclusion: never\n---\n");
    expect(never.diagnostics[0]?.fix).toContain("inclusion: manual");
    const cased = parseSteering("---\ninclusion: Always\n---\n");
    expect(cased.diagnostics[0]?.fix).toContain("`inclusion: always`");
  });

  it("reports YAML syntax errors at their position in the file", () => {
    const text = "---\ninclusion: fileMatch\nfileMatchPattern: ['a', 'b'\nname: x\n---\n# Body\n";
    const document = parseSteering(text);
    expect(document.diagnostics).toHaveLength(1);
    expect(document.diagnostics[0]).toMatchObject({
      code: "front-matter-yaml-syntax",
      severity: "error",
      message: "Front matter YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      location: { line: 4, column: 1, offset: text.indexOf("name: x") },
    });
    const duplicate = parseSteering("---\ninclusion: always\ninclusion: manual\n---\n");
    expect(duplicate.diagnostics[0]).toMatchObject({
      code: "front-matter-yaml-syntax",
      location: { line: 3, column: 1 },
    });
    const tab = parseSteering("\uFEFF---\r\ninclusion: always\r\n\tname: x\r\n---\r\n");
    expect(tab.diagnostics.map((d) => [d.message, d.location.line, d.location.column, d.location.offset])).toEqual([
      ["Front matter YAML: Tabs are not allowed as indentation", 3, 1, 25],
    ]);
  });

  it("reports wrong shapes, empty values and an unclosed front matter", () => {
    expect(parseSteering("---\ninclusion: [always]\n---\n").diagnostics.map((d) => d.code)).toEqual([
      "steering-invalid-field",
    ]);
    const empty = parseSteering("---\ninclusion:\n---\n");
    expect(empty.diagnostics.map((d) => d.code)).toEqual(["steering-empty-field"]);
    expect(empty.inclusionMode).toBe("always");
    expect(parseSteering("---\ninclusion: [always]\n---\n").inclusionMode).toBe("unknown");
    expect(parseSteering("---\njust text\n---\n").diagnostics.map((d) => d.code)).toEqual(["front-matter-not-mapping"]);
    const unclosed = parseSteering("---\ninclusion: manual\n# Title\n");
    expect(unclosed.diagnostics.map((d) => [d.code, d.location.line])).toEqual([["front-matter-unclosed", 1]]);
    expect(parseSteering("---\n\n# A thematic break, not front matter\n").diagnostics).toEqual([]);
  });

  it("resolves aliases and reports unresolved ones without throwing", () => {
    const alias = parseSteering("---\nmode: &m manual\ninclusion: *m\n---\n");
    expect(alias.inclusionMode).toBe("manual");
    expect(alias.diagnostics).toEqual([]);
    const unresolved = parseSteering("---\ninclusion: *nope\n---\n");
    expect(unresolved.diagnostics.map((d) => [d.code, d.location.line, d.location.column])).toEqual([
      ["front-matter-yaml-syntax", 2, 12],
      ["steering-empty-field", 2, 1],
    ]);
    expect(() => parseSteering("---\ninclusion: *\ninclusion: \n---\n*")).not.toThrow();
  });

  it("finds file references outside code and front matter", () => {
    const text =
      "---\ninclusion: always\n---\nSee #[[file:docs/api.md]] and (#[[file: README.md ]]).\n```\n#[[file:example.md]]\n```\n";
    const document = parseSteering(text);
    expect(document.fileReferences.map((ref) => [ref.path, slice(text, ref.location), ref.location.line])).toEqual([
      ["docs/api.md", "#[[file:docs/api.md]]", 4],
      ["README.md", "#[[file: README.md ]]", 4],
    ]);
  });

  it("never throws and round-trips any text", () => {
    const frontMatterish = fc
      .tuple(
        fc.string(),
        fc.constantFrom(
          "inclusion: ",
          "fileMatchPattern: ",
          "- ",
          "[",
          "'",
          ": ",
          "\n",
          "\r\n",
          "\t",
          "*",
          "&a ",
          "!!",
          "<<: ",
          "? ",
        ),
      )
      .map(([text, piece]) => `---\n${piece}${text}\n${piece}\n---\n${text}`);
    fc.assert(
      fc.property(fc.oneof(fc.string(), frontMatterish), (text) => {
        const document = parseSteering(text);
        expect(serializeDocument(document)).toBe(text);
        for (const diagnostic of document.diagnostics) {
          expect(diagnostic.location.endOffset).toBeLessThanOrEqual(text.length);
          expect(diagnostic.location.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
