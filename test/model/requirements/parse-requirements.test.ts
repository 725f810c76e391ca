import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import { parseRequirements } from "../../../src/model/requirements/index.js";
import type { SourceLocation } from "../../../src/model/source/source-location.js";

const CURRENT = [
  "# Requirements Document",
  "",
  "## Introduction",
  "",
  "Triage issues automatically.",
  "",
  "## Glossary",
  "",
  "- **Issue_Manager**: The automated system that labels issues",
  "- **Classifier**：The model that picks labels",
  "",
  "## Requirements",
  "",
  "### Requirement 1: Automatic Label Assignment",
  "",
  "**User Story:** As a repository maintainer, I want labels, so that triage is fast",
  "",
  "#### Acceptance Criteria",
  "",
  "1. WHEN a new issue is created, THE Issue_Manager SHALL analyze the title and body",
  "2. IF the classifier fails, THEN THE Issue_Manager SHALL apply the label `needs-triage`",
  "3. THE Issue_Manager SHALL log every decision",
  "",
  "### Requirement 2: Reporting",
  "",
  "**User Story:** As a lead, I want a report",
  "",
  "#### Acceptance Criteria",
  "",
  "1. THE Issue_Manager SHALL publish a weekly report",
  "",
].join("\n");

const OLDER = [
  "# Requirements Document",
  "",
  "## Introduction",
  "",
  "A todo app.",
  "",
  "## Requirements",
  "",
  "### Requirement 1",
  "",
  "**User Story:** As a user, I want to add todos, so that I remember them",
  "",
  "#### Acceptance Criteria",
  "",
  "1. WHEN the user submits a todo THEN the system SHALL add it to the list",
  "2. WHEN the todo is empty THEN the system SHALL",
  "   show an error message",
  "",
].join("\n");

/** The text a location covers. */
function slice(text: string, location: SourceLocation): string {
  return text.slice(location.offset, location.endOffset);
}

/** Checks that line/column agree with the offset, by counting lines in the text itself. */
function expectConsistent(text: string, location: SourceLocation): void {
  const before = text.slice(0, location.offset).split(/\r\n|\r|\n/);
  expect(location.line).toBe(before.length);
  expect(location.column).toBe(
    (before.at(-1) ?? "").length + 1 - (location.line === 1 && text.startsWith("\uFEFF") ? 1 : 0),
  );
  const beforeEnd = text.slice(0, location.endOffset).split(/\r\n|\r|\n/);
  expect(location.endLine).toBe(beforeEnd.length);
}

describe("parseRequirements, current Kiro output", () => {
  const document = parseRequirements(CURRENT);

  it("reads title, introduction and glossary", () => {
    expect(document.kind).toBe("requirements");
    expect(document.title).toBe("Requirements Document");
    expect(document.introduction?.title).toBe("Introduction");
    expect(slice(CURRENT, document.introduction?.bodyLocation ?? fail())).toBe("Triage issues automatically.");
    expect(document.introduction?.location.line).toBe(3);
    expect(document.introduction?.location.endLine).toBe(5);
    expect(document.glossary).toEqual([
      {
        term: "Issue_Manager",
        definition: "The automated system that labels issues",
        location: {
          offset: CURRENT.indexOf("- **Issue_"),
          endOffset: expect.any(Number),
          line: 9,
          column: 1,
          endLine: 9,
          endColumn: 61,
        },
      },
      { term: "Classifier", definition: "The model that picks labels", location: expect.any(Object) },
    ]);
  });

  it("reads requirements, user stories and criteria with ids", () => {
    expect(document.requirements.map((requirement) => [requirement.id, requirement.title])).toEqual([
      ["1", "Automatic Label Assignment"],
      ["2", "Reporting"],
    ]);
    const [first, second] = document.requirements;
    expect(first?.userStory?.text).toBe("As a repository maintainer, I want labels, so that triage is fast");
    expect(first?.criteria.map((criterion) => criterion.id)).toEqual(["1.1", "1.2", "1.3"]);
    expect(first?.criteria.map((criterion) => criterion.ears.pattern)).toEqual([
      "event-driven",
      "unwanted-behaviour",
      "ubiquitous",
    ]);
    expect(first?.criteria[1]).toMatchObject({
      number: 2,
      rawNumber: "2",
      text: "IF the classifier fails, THEN THE Issue_Manager SHALL apply the label `needs-triage`",
    });
    expect(second?.criteria.map((criterion) => criterion.id)).toEqual(["2.1"]);
    expect(document.diagnostics).toEqual([]);
  });

  it("gives positions that point at the text", () => {
    const requirement = document.requirements[0] ?? fail();
    expect(slice(CURRENT, requirement.location)).toBe("### Requirement 1: Automatic Label Assignment");
    expect(requirement.location).toMatchObject({ line: 14, column: 1, endLine: 14, endColumn: 46 });
    expect(requirement.blockLocation).toMatchObject({ line: 14, endLine: 22 });
    expect(slice(CURRENT, requirement.blockLocation).endsWith("THE Issue_Manager SHALL log every decision")).toBe(true);
    expect(slice(CURRENT, requirement.userStory?.location ?? fail())).toBe(
      "**User Story:** As a repository maintainer, I want labels, so that triage is fast",
    );
    const criterion = requirement.criteria[2] ?? fail();
    expect(slice(CURRENT, criterion.location)).toBe("3. THE Issue_Manager SHALL log every decision");
    expect(criterion.location).toMatchObject({ line: 22, column: 1, endLine: 22, endColumn: 46 });
    for (const located of [requirement, ...requirement.criteria]) expectConsistent(CURRENT, located.location);
  });

  it("round-trips byte for byte", () => {
    expect(serializeDocument(document)).toBe(CURRENT);
  });
});

describe("parseRequirements, older Kiro output", () => {
  const document = parseRequirements(OLDER);

  it("reads bare headings, WHEN … THEN criteria and continuation lines", () => {
    expect(document.requirements).toHaveLength(1);
    const requirement = document.requirements[0] ?? fail();
    expect(requirement.id).toBe("1");
    expect(requirement.title).toBeUndefined();
    expect(document.glossary).toEqual([]);
    expect(requirement.criteria.map((criterion) => criterion.text)).toEqual([
      "WHEN the user submits a todo THEN the system SHALL add it to the list",
      "WHEN the todo is empty THEN the system SHALL show an error message",
    ]);
    expect(requirement.criteria[1]?.ears).toMatchObject({ pattern: "event-driven", subject: "system" });
    expect(requirement.criteria[1]?.location).toMatchObject({ line: 16, endLine: 17, endColumn: 25 });
    expect(document.diagnostics).toEqual([]);
  });
});

describe("parseRequirements, heading and list variants", () => {
  const wrap = (heading: string, criteria = "1. THE S SHALL work"): string =>
    `# R\n\n## Requirements\n\n${heading}\n\n**User Story:** As a user, I want it\n\n#### Acceptance Criteria\n\n${criteria}\n`;

  it.each([
    ["### Requirement 3: Title", "3", "Title"],
    ["### Requirement 4", "4", undefined],
    ["### Requirement 1 — Tests", "1", "Tests"],
    ["### Requirement R0: Freeze", "R0", "Freeze"],
    ["### Requirement 6a", "6a", undefined],
    ["### 需求 1：创建品牌", "1", "创建品牌"],
    ["### 要件1: 地図表示", "1", "地図表示"],
    ["### 요구사항 1: 업로드", "1", "업로드"],
    ["### US-01 — Listar itens", "US-01", "Listar itens"],
    ["## Requirement 7: Level two", "7", "Level two"],
  ])("reads %s", (heading, id, title) => {
    const document = parseRequirements(wrap(heading));
    expect(document.requirements.map((requirement) => [requirement.id, requirement.title])).toEqual([[id, title]]);
    expect(document.requirements[0]?.criteria.map((criterion) => criterion.id)).toEqual([`${id}.1`]);
  });

  it.each([
    "#### 验收标准",
    "#### 受入基準",
    "#### 受け入れ基準",
    "**Acceptance Criteria:**",
    "**Critérios de aceite:**",
  ])("finds criteria under %s", (marker) => {
    const text = `### Requirement 2\n\n${marker}\n\n1. THE S SHALL a\n2. THE S SHALL b\n`;
    const document = parseRequirements(text);
    expect(document.requirements[0]?.criteria.map((criterion) => criterion.id)).toEqual(["2.1", "2.2"]);
  });

  it("reads criteria numbered 1.1 and 1.1. with the requirement prefix", () => {
    const document = parseRequirements(
      wrap("### Requirement 1", "1.1. THE S SHALL a\n   - detail one\n1.2 THE S SHALL b"),
    );
    const criteria = document.requirements[0]?.criteria ?? [];
    expect(criteria.map((criterion) => [criterion.id, criterion.number, criterion.rawNumber])).toEqual([
      ["1.1", 1, "1.1"],
      ["1.2", 2, "1.2"],
    ]);
    expect(criteria[0]?.text).toBe("THE S SHALL a\n- detail one");
    expect(document.diagnostics).toEqual([]);
  });

  it("numbers bulleted criteria by position and drops checkboxes", () => {
    const document = parseRequirements(wrap("### US-02 — Criar", "- THE API SHALL accept\n- [ ] THE API SHALL reject"));
    expect(document.requirements[0]?.criteria.map((criterion) => [criterion.id, criterion.text])).toEqual([
      ["US-02.1", "THE API SHALL accept"],
      ["US-02.2", "THE API SHALL reject"],
    ]);
  });

  it("reads a story split over several bold lines", () => {
    const text = "### US-01 — Listar\n**Como** consumidor,  \n**Quero** listar,  \n**Para que** eu veja.\n\n- ok\n";
    const story = parseRequirements(text).requirements[0]?.userStory;
    expect(story?.text).toBe("**Como** consumidor, **Quero** listar, **Para que** eu veja.");
    expect(story?.location).toMatchObject({ line: 2, endLine: 4 });
  });

  it("takes the list under a requirement without an Acceptance Criteria heading", () => {
    const text =
      "### Requirement R1: Provenance\n\n**User Story:** As a distributor, I want records\n\n1. WHEN done THEN a finding SHALL exist\n";
    const document = parseRequirements(text);
    expect(document.requirements[0]?.criteria.map((criterion) => criterion.id)).toEqual(["R1.1"]);
    expect(document.diagnostics).toEqual([]);
  });

  it("ignores headings and lists inside code fences", () => {
    const text =
      "### Requirement 1\n\n#### Acceptance Criteria\n\n1. THE S SHALL a\n\n```md\n### Requirement 9\n2. THE S SHALL b\n```\n";
    const document = parseRequirements(text);
    expect(document.requirements.map((requirement) => requirement.id)).toEqual(["1"]);
    expect(document.requirements[0]?.criteria.map((criterion) => criterion.id)).toEqual(["1.1"]);
  });

  it("stops a criterion at unindented text after a blank line", () => {
    const text = "### Requirement 1\n\n#### Acceptance Criteria\n\n1. THE S SHALL a\n\nNote: this is prose.\n";
    const criterion = parseRequirements(text).requirements[0]?.criteria[0];
    expect(criterion?.text).toBe("THE S SHALL a");
    expect(criterion?.location.endLine).toBe(5);
  });
});

describe("parseRequirements, glossary variants", () => {
  it("reads bold, colon-inside, dash, plain and table entries", () => {
    const text = [
      "## Glossary",
      "",
      "- **Oracle** — the binaries built from the pinned upstream",
      "  source, used for testing.",
      "- **Pin:** release tags",
      "- `Lane-P`: portable lane",
      "",
      "### Table",
      "",
      "| 용어 | 뜻 |",
      "|------|-----|",
      "| Evidence | 증거 레코드 |",
      "",
    ].join("\n");
    const glossary = parseRequirements(text).glossary;
    expect(glossary.map((term) => [term.term, term.definition])).toEqual([
      ["Oracle", "the binaries built from the pinned upstream source, used for testing."],
      ["Pin", "release tags"],
      ["Lane-P", "portable lane"],
      ["Evidence", "증거 레코드"],
    ]);
    expect(glossary[0]?.location).toMatchObject({ line: 3, endLine: 4 });
    expect(glossary[3]?.location).toMatchObject({ line: 12, column: 1, endColumn: 22 });
  });
});

describe("parseRequirements, diagnostics", () => {
  it("reports duplicate criteria and requirements, once each", () => {
    const text = [
      "### Requirement 1",
      "#### Acceptance Criteria",
      "1. THE S SHALL a",
      "1. THE S SHALL b",
      "### Requirement 1",
      "#### Acceptance Criteria",
      "1. THE S SHALL c",
    ].join("\n");
    const document = parseRequirements(text);
    expect(
      document.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.location.line]),
    ).toEqual([
      ["requirements/duplicate-criterion", "warning", 4],
      ["requirements/duplicate-requirement", "warning", 5],
    ]);
    expect(document.diagnostics.every((diagnostic) => diagnostic.fix !== undefined)).toBe(true);
  });

  it("reports a criterion numbered for another requirement", () => {
    const document = parseRequirements("### Requirement 3\n#### Acceptance Criteria\n2.1 THE S SHALL a\n");
    expect(document.requirements[0]?.criteria[0]?.id).toBe("3.1");
    expect(document.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      "requirements/criterion-number-mismatch",
    ]);
  });

  it("notes a requirement without criteria and a file without requirements", () => {
    expect(
      parseRequirements("### Requirement 2\n\nJust prose.\n").diagnostics.map((d) => [d.code, d.severity]),
    ).toEqual([["requirements/no-criteria", "info"]]);
    expect(parseRequirements("# Notes\n\nNothing here.\n").diagnostics.map((d) => d.code)).toEqual([
      "requirements/no-requirements",
    ]);
    expect(parseRequirements("").diagnostics).toEqual([]);
  });
});

describe("parseRequirements, line endings and BOM", () => {
  it("reads CRLF input with correct offsets", () => {
    const text = CURRENT.replace(/\n/g, "\r\n");
    const document = parseRequirements(text);
    expect(serializeDocument(document)).toBe(text);
    expect(document.requirements.flatMap((r) => r.criteria.map((c) => c.id))).toEqual(["1.1", "1.2", "1.3", "2.1"]);
    const criterion = document.requirements[0]?.criteria[0] ?? fail();
    expect(slice(text, criterion.location)).toBe(
      "1. WHEN a new issue is created, THE Issue_Manager SHALL analyze the title and body",
    );
    expect(criterion.location.line).toBe(20);
    expectConsistent(text, criterion.location);
  });

  it("reads BOM input: offsets count the BOM, columns do not", () => {
    const text = `\uFEFF### Requirement 1\n#### Acceptance Criteria\n1. THE S SHALL a\n`;
    const document = parseRequirements(text);
    expect(serializeDocument(document)).toBe(text);
    expect(document.requirements[0]?.location).toEqual({
      offset: 1,
      endOffset: 18,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 18,
    });
    expect(slice(text, document.requirements[0]?.criteria[0]?.location ?? fail())).toBe("1. THE S SHALL a");
  });
});

function fail(): never {
  throw new Error("expected a value");
}
