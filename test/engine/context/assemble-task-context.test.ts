import { describe, expect, it } from "vitest";
import { assembleTaskContext, type TaskContextInput } from "../../../src/engine/context/assemble-task-context.js";
import { renderContextReport } from "../../../src/engine/context/context-report.js";
import { filesNamedInText } from "../../../src/engine/context/files-named-in-text.js";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { parseBugfix } from "../../../src/model/bugfix/parse-bugfix.js";
import { chunksMentioning, designChunks, mentionedIds } from "../../../src/model/design/design-mentions.js";
import { parseRequirements } from "../../../src/model/requirements/parse-requirements.js";
import { splitSourceText } from "../../../src/model/source/source-text.js";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";
import { steeringInput } from "../../helpers/steering-inputs.js";

const REQUIREMENTS = `# Requirements Document

## Requirements

### Requirement 1: Count requests

**User Story:** As an operator, I want requests counted per client, so that abuse is visible.

#### Acceptance Criteria

1. WHEN a request arrives, THE Limiter SHALL increment the client's counter
2. THE Limiter SHALL reset every counter each minute

### Requirement 2: Reject excess

**User Story:** As an operator, I want excess requests rejected, so that the service stays up.

#### Acceptance Criteria

1. IF a client exceeds 100 requests in a minute, THEN THE Limiter SHALL answer 429
2. WHEN the Limiter answers 429, THE Limiter SHALL send Retry-After
`;

const DESIGN = `# Design Document

## Overview

Counters in Redis 7.2, with zod 4.1 for settings.

## Components and Interfaces

### Counter store

Implements Requirement 1.

### Rejection middleware

Covers Requirements 2.1 and 2.2.

## Correctness Properties

### Property 1: Counting is exact

**Validates: Requirements 1.1**

### Property 2: Retry-After is sent

**Validates: Requirements 2.2**
`;

const TASKS = `# Implementation Plan

- [ ] 1. Counter store
  - [ ] 1.1 Write \`src/limiter/store.ts\`
    - _Requirements: 1.1_
  - [ ]* 1.2 Property test for counting
    - **Property 1: Counting is exact**
    - **Validates: Requirements 1.1**
- [ ] 2. Middleware in src/limiter/middleware.ts
  - _Requirements: 2_
- [ ] 3. Everything
  - _Requirements: All_
- [ ] 4. Typo
  - _Requirements: 9.9_
`;

function input(overrides: Partial<TaskContextInput> = {}): TaskContextInput {
  return {
    root: "/repo",
    spec: "limits",
    plan: parseTasks(TASKS),
    taskId: "1.1",
    requirements: parseRequirements(REQUIREMENTS),
    design: splitSourceText(DESIGN),
    steering: [
      steeringInput("tech", "# Tech\n\nNode 20.\n"),
      steeringInput(
        "middleware",
        '---\ninclusion: fileMatch\nfileMatchPattern: "src/**/middleware.ts"\n---\n\nExpress 5.\n',
      ),
    ],
    ...overrides,
  };
}

describe("assembleTaskContext", () => {
  it("holds only the criteria the task references, with their requirement's title and user story", () => {
    const context = assembleTaskContext(input());
    expect(context.criteria.map((criterion) => criterion.id)).toEqual(["1.1"]);
    expect(context.criteria[0]).toMatchObject({
      requirementId: "1",
      requirementTitle: "Count requests",
      userStory: "As an operator, I want requests counted per client, so that abuse is visible.",
    });
    expect(context.text).toContain("1.1 WHEN a request arrives");
    expect(context.text).not.toContain("1.2 THE Limiter SHALL reset");
    expect(context.text).not.toContain("Requirement 2");
  });

  it("takes the design sections that mention those criteria or their requirement, not version numbers", () => {
    const context = assembleTaskContext(input());
    expect(context.design.map((section) => [section.heading, section.mentions])).toEqual([
      ["Components and Interfaces > Counter store", ["1"]],
      ["Correctness Properties > Property 1: Counting is exact", ["1.1"]],
    ]);
    expect(context.text).not.toContain("Redis 7.2");
  });

  it("expands a whole-requirement reference and All, and names references the spec lacks", () => {
    expect(assembleTaskContext(input({ taskId: "2" })).criteria.map((criterion) => criterion.id)).toEqual([
      "2.1",
      "2.2",
    ]);
    expect(assembleTaskContext(input({ taskId: "3" })).criteria).toHaveLength(4);
    const typo = assembleTaskContext(input({ taskId: "4" }));
    expect(typo.criteria).toEqual([]);
    expect(typo.unresolvedReferences).toEqual(["9.9"]);
    expect(typo.text).toContain("references 9.9, which the spec does not define");
  });

  it("lets a parent stand for its sub-tasks and finds the property a test task names", () => {
    const context = assembleTaskContext(input({ taskId: "1" }));
    expect(context.task.subTasks).toEqual(["1.1 Write `src/limiter/store.ts`", "1.2 Property test for counting"]);
    expect(context.criteria.map((criterion) => criterion.id)).toEqual(["1.1"]);
    expect(context.design.map((section) => section.mentions)).toContainEqual(["1.1", "Property 1"]);
  });

  it("selects steering by the files the task names", () => {
    const middleware = assembleTaskContext(input({ taskId: "2" }));
    expect(middleware.filesInPlay).toEqual(["src/limiter/middleware.ts"]);
    expect(middleware.steering.included.map((entry) => entry.path)).toEqual([
      ".kiro/steering/tech.md",
      ".kiro/steering/middleware.md",
    ]);
    expect(assembleTaskContext(input()).steering.excluded.map((entry) => entry.path)).toEqual([
      ".kiro/steering/middleware.md",
    ]);
  });

  it("adds the files a run touched to the files in play", () => {
    const context = assembleTaskContext(input({ filesInPlay: ["src/http/middleware.ts"] }));
    expect(context.filesInPlay).toEqual(["src/limiter/store.ts", "src/http/middleware.ts"]);
    expect(context.steering.included.map((entry) => entry.path)).toContain(".kiro/steering/middleware.md");
  });

  it("reads a bugfix spec's clauses as its criteria", () => {
    const bugfix = parseBugfix(`# Bugfix Requirements Document

## Bug Analysis

### Current Behavior (Defect)

1.1 WHEN the form is saved twice THEN the system creates two records

### Expected Behavior (Correct)

2.1 WHEN the form is saved twice THEN the system SHALL create one record

### Unchanged Behavior (Regression Prevention)

3.1 WHEN the form is saved once THEN the system SHALL CONTINUE TO create one record
`);
    const context = assembleTaskContext(
      input({
        requirements: undefined,
        bugfix,
        design: undefined,
        plan: parseTasks("- [ ] 1. Fix\n  - _Requirements: 2.1, 3.1_\n"),
        taskId: "1",
      }),
    );
    expect(context.criteria.map((criterion) => [criterion.id, criterion.requirementTitle])).toEqual([
      ["2.1", "Expected Behavior (Correct)"],
      ["3.1", "Unchanged Behavior (Regression Prevention)"],
    ]);
  });

  it("refuses an unknown task id, naming the closest ones", () => {
    let error: unknown;
    try {
      assembleTaskContext(input({ taskId: "1.3" }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: "unknown-task", candidates: expect.arrayContaining(["1.1", "1.2"]) });
  });

  it("stays within maxChars and reports what was cut or left out", () => {
    const long = steeringInput("long", `${"a steering line\n".repeat(200)}`);
    const context = assembleTaskContext(input({ taskId: "2", steering: [long], maxChars: 1200 }));
    expect(context.text.length).toBeLessThanOrEqual(1200);
    expect(context.report.totalChars).toBe(context.text.length);
    const steering = context.report.parts.find((part) => part.kind === "steering");
    expect(steering).toMatchObject({ outcome: "cut", fullChars: 16 * 200 - 1 });
    expect(steering?.chars).toBeLessThan(steering?.fullChars ?? 0);
    const rendered = renderContextReport(context.report);
    expect(rendered).toMatch(/^Context: [\d,]+ of at most 1,200 characters\n/);
    expect(rendered).toMatch(/ {2}cut {6}\.kiro\/steering\/long\.md +\d+ of 3,199 chars {2}always\n/);
  });
});

describe("design mentions", () => {
  it("counts ids after a requirement label only", () => {
    expect([
      ...mentionedIds("**Validates: Requirements 1.1, 2.3**, Requirement 4 and criteria 5.1-5.3; zod 4.1"),
    ]).toEqual(["1.1", "2.3", "4", "5.1", "5.2", "5.3"]);
  });

  it("splits the design at every heading, with the heading path", () => {
    const chunks = designChunks(splitSourceText("# Design\n\nIntro\n\n## A\n\ntext\n\n### B\n\nmore\n"));
    expect(chunks.map((chunk) => [chunk.heading, chunk.text])).toEqual([
      ["Design", "# Design\n\nIntro"],
      ["A", "## A\n\ntext"],
      ["A > B", "### B\n\nmore"],
    ]);
    expect(chunksMentioning(chunks, { criterionIds: ["1.1"], requirementIds: ["1"], propertyNumbers: [] })).toEqual([]);
  });
});

describe("filesNamedInText", () => {
  it("finds paths and file names, not prose, versions or URLs", () => {
    expect(
      filesNamedInText(
        "Edit `src/limiter/store.ts` and package.json, see ./docs/api.md and https://example.com/a/b.ts; bump zod 4.1, e.g. now.",
      ),
    ).toEqual(["src/limiter/store.ts", "package.json", "docs/api.md"]);
  });
});
