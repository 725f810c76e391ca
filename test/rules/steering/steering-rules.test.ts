import { describe, expect, it } from "vitest";
import type { Rule } from "../../../src/rules/rule.js";
import { autoWithoutDescription } from "../../../src/rules/steering/auto-without-description.js";
import { commaSeparatedPattern } from "../../../src/rules/steering/comma-separated-pattern.js";
import { fileMatchWithoutPattern } from "../../../src/rules/steering/file-match-without-pattern.js";
import { frontMatter } from "../../../src/rules/steering/front-matter.js";
import { invalidField } from "../../../src/rules/steering/invalid-field.js";
import { invalidGlob } from "../../../src/rules/steering/invalid-glob.js";
import { missingFileReference } from "../../../src/rules/steering/missing-file-reference.js";
import { patternWithOtherMode } from "../../../src/rules/steering/pattern-with-other-mode.js";
import { unknownInclusion } from "../../../src/rules/steering/unknown-inclusion.js";
import { findingsOf } from "../../helpers/workspace-model.js";

const FILE = ".kiro/steering/typescript.md";

/** The findings of `rule` on one steering file with this front matter (lines without `---`). */
function check(
  rule: Rule,
  frontMatterLines: string,
  body = "# TypeScript\n\nUse strict mode.\n",
  existing: string[] = [],
) {
  return findingsOf(rule, { [FILE]: `---\n${frontMatterLines}\n---\n${body}` }, existing);
}

describe("steering/unknown-inclusion", () => {
  it("reports `conditional` at its value and suggests fileMatch when a pattern is given", () => {
    const findings = check(unknownInclusion, 'inclusion: conditional\nfileMatchPattern: "**/*.ts"');
    expect(findings).toMatchObject([
      { file: FILE, location: { line: 2, column: 12, endColumn: 23 }, severity: "warning" },
    ]);
    expect(findings[0]?.message).toContain("`inclusion: conditional`");
    expect(findings[0]?.fix).toContain("inclusion: fileMatch");
  });

  it("suggests manual for `never`", () => {
    expect(check(unknownInclusion, "inclusion: never")[0]?.fix).toContain("inclusion: manual");
  });

  it("accepts the four modes and a file without front matter", () => {
    for (const mode of ["always", "manual"]) expect(check(unknownInclusion, `inclusion: ${mode}`)).toEqual([]);
    expect(findingsOf(unknownInclusion, { [FILE]: "# No front matter\n" })).toEqual([]);
  });
});

describe("steering/file-match-without-pattern", () => {
  it("reports fileMatch without a pattern at the inclusion value", () => {
    expect(check(fileMatchWithoutPattern, "inclusion: fileMatch")).toMatchObject([
      { location: { line: 2, column: 12 }, message: expect.stringContaining("never includes this file") },
    ]);
  });

  it("names a borrowed key such as `globs` in the fix", () => {
    const findings = check(fileMatchWithoutPattern, 'inclusion: fileMatch\nglobs: "**/*.ts"');
    expect(findings[0]?.fix).toBe("Rename `globs` to `fileMatchPattern`.");
  });

  it("leaves an empty `fileMatchPattern:` to steering/invalid-field", () => {
    expect(check(fileMatchWithoutPattern, "inclusion: fileMatch\nfileMatchPattern:")).toEqual([]);
    expect(check(invalidField, "inclusion: fileMatch\nfileMatchPattern:")).toMatchObject([{ location: { line: 3 } }]);
  });

  it("accepts fileMatch with a pattern", () => {
    expect(check(fileMatchWithoutPattern, 'inclusion: fileMatch\nfileMatchPattern: "**/*.ts"')).toEqual([]);
  });
});

describe("steering/comma-separated-pattern", () => {
  it("reports a comma-separated string at the string and spells out the array form", () => {
    const findings = check(commaSeparatedPattern, 'inclusion: fileMatch\nfileMatchPattern: "**/*.ts, **/*.tsx"');
    expect(findings).toMatchObject([{ location: { line: 3, column: 19, endColumn: 38 } }]);
    expect(findings[0]?.message).toContain('"**/*.ts, **/*.tsx" is one glob with commas in it, not 2 globs');
    expect(findings[0]?.fix).toBe('Write `fileMatchPattern: ["**/*.ts", "**/*.tsx"]`.');
  });

  it("expands the offending item of a list and keeps the others", () => {
    const findings = check(commaSeparatedPattern, "inclusion: fileMatch\nfileMatchPattern: ['src/**', '*.ts,*.tsx']");
    expect(findings).toHaveLength(1);
    expect(findings[0]?.fix).toBe('Write `fileMatchPattern: ["src/**", "*.ts", "*.tsx"]`.');
  });

  it("accepts brace globs, bracket classes and proper lists", () => {
    expect(check(commaSeparatedPattern, 'inclusion: fileMatch\nfileMatchPattern: "**/*.{ts,tsx}"')).toEqual([]);
    expect(check(commaSeparatedPattern, 'inclusion: fileMatch\nfileMatchPattern: "src/[a,b]/*.ts"')).toEqual([]);
    expect(check(commaSeparatedPattern, 'inclusion: fileMatch\nfileMatchPattern: ["**/*.ts", "**/*.tsx"]')).toEqual([]);
  });
});

describe("steering/invalid-glob", () => {
  it.each([
    ["**/*.{ts", "missing closing"],
    ["src/[abc", "missing closing"],
    ["**/*.ts}", "`}` closes nothing"],
    ["src\\\\components\\\\*.tsx", "`\\` as a path separator"],
    ["!(foo", "missing closing"],
    ["", "empty"],
  ])("reports %j", (pattern, reason) => {
    const findings = check(invalidGlob, `inclusion: fileMatch\nfileMatchPattern: "${pattern}"`);
    expect(findings).toMatchObject([{ location: { line: 3, column: 19 } }]);
    expect(findings[0]?.message).toContain(reason);
  });

  it("suggests forward slashes for a Windows path", () => {
    const findings = check(invalidGlob, "inclusion: fileMatch\nfileMatchPattern: 'src\\app\\*.ts'");
    expect(findings[0]?.fix).toBe('Write `"src/app/*.ts"`.');
  });

  it("accepts the globs seen in real files", () => {
    for (const pattern of ["**/*.{jsx,tsx}", "src/**/*.cs", "**/*Api*.kt", "pubspec.*", "**/di/**/*.kt", "*.md"]) {
      expect(check(invalidGlob, `inclusion: fileMatch\nfileMatchPattern: "${pattern}"`)).toEqual([]);
    }
  });
});

describe("steering/missing-file-reference", () => {
  const body = "# API\n\nThe contract: #[[file:docs/openapi.yaml]]\n";

  it("reports a reference to a file that does not exist, at the marker", () => {
    const findings = check(missingFileReference, "inclusion: always", body);
    expect(findings).toMatchObject([{ location: { line: 6, column: 15, endColumn: 42 } }]);
    expect(findings[0]).not.toHaveProperty("severity");
    expect(findings[0]?.message).toContain("there is no file docs/openapi.yaml");
  });

  it("reports an empty reference", () => {
    expect(check(missingFileReference, "inclusion: always", "See #[[file:]]\n")[0]?.message).toBe(
      "`#[[file:]]` names no file.",
    );
  });

  it("accepts existing files and references shown as inline code or in code blocks", () => {
    expect(check(missingFileReference, "inclusion: always", body, ["docs/openapi.yaml"])).toEqual([]);
    const examples = "Write `#[[file:path/to/file]]` to include a file.\n\n```\n#[[file:example.md]]\n```\n";
    expect(check(missingFileReference, "inclusion: always", examples)).toEqual([]);
  });
});

describe("steering/auto-without-description", () => {
  it("reports auto without a description and asks for a name too when it is missing", () => {
    const findings = check(autoWithoutDescription, "inclusion: auto");
    expect(findings).toMatchObject([{ location: { line: 2, column: 12 } }]);
    expect(findings[0]?.fix).toContain("and `name: <short-name>`");
  });

  it("accepts auto with a description (Kiro-written files often have no name)", () => {
    expect(check(autoWithoutDescription, "inclusion: auto\ndescription: REST API conventions")).toEqual([]);
  });
});

describe("steering/front-matter", () => {
  it("reports a YAML syntax error at its position", () => {
    const findings = check(frontMatter, "inclusion: manual\ndescription: Testing: unit and e2e");
    expect(findings).toMatchObject([{ location: { line: 3 }, severity: "error" }]);
    expect(findings[0]?.message).toMatch(/^Front matter YAML: /);
  });

  it("reports front matter that never closes", () => {
    const findings = findingsOf(frontMatter, { [FILE]: "---\ninclusion: manual\n# Title\n" });
    expect(findings).toMatchObject([{ location: { line: 1 }, message: expect.stringContaining("no closing `---`") }]);
  });

  it("accepts valid front matter with extra keys", () => {
    expect(check(frontMatter, "inclusion: manual\ntitle: Testing\ncontextKey: tests")).toEqual([]);
  });
});

describe("steering/invalid-field", () => {
  it("reports a list where one value belongs, as an error", () => {
    expect(check(invalidField, "inclusion: [always]")).toMatchObject([{ location: { line: 2 }, severity: "error" }]);
  });

  it("reports an empty value as a warning", () => {
    expect(check(invalidField, "inclusion: manual\ndescription:")).toMatchObject([
      { location: { line: 3, column: 1 }, severity: "warning" },
    ]);
  });

  it("accepts single values", () => {
    expect(check(invalidField, "inclusion: manual\ndescription: Release checklist")).toEqual([]);
  });
});

describe("steering/pattern-with-other-mode", () => {
  it("warns when a pattern has no `inclusion: fileMatch` (the file is always included)", () => {
    expect(check(patternWithOtherMode, 'fileMatchPattern: "**/*.ts"')).toMatchObject([
      { location: { line: 2, column: 1, endColumn: 17 }, fix: "Add `inclusion: fileMatch` to the front matter." },
    ]);
  });

  it("notes a left-over pattern under an explicit mode as info", () => {
    expect(check(patternWithOtherMode, 'inclusion: manual\nfileMatchPattern: "**/*.ts"')).toMatchObject([
      { location: { line: 3 }, severity: "info" },
    ]);
  });

  it("accepts a pattern with fileMatch, and leaves unknown modes to steering/unknown-inclusion", () => {
    expect(check(patternWithOtherMode, 'inclusion: fileMatch\nfileMatchPattern: "**/*.ts"')).toEqual([]);
    expect(check(patternWithOtherMode, 'inclusion: conditional\nfileMatchPattern: "**/*.ts"')).toEqual([]);
    expect(check(patternWithOtherMode, 'inclusion:\nfileMatchPattern: "**/*.ts"')).toEqual([]);
  });
});
