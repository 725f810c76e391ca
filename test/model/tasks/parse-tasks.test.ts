import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import { MAX_TASK_DEPTH, parseTasks } from "../../../src/model/tasks/parse-tasks.js";
import { flattenTasks } from "../../../src/model/tasks/walk-tasks.js";

const SAMPLE = [
  "# Implementation Plan",
  "",
  "## Tasks",
  "",
  "- [x] 1. Set up project structure",
  "  - Create `scripts/` directory",
  "  - _Requirements: 5.1, 5.2_",
  "- [-] 2. Implement core data models",
  "  - [x] 2.1 Create data models module",
  "  - [ ]* 2.2 Write unit tests for data models",
  "    - _Bug_Condition: isBugCondition(x)_",
  "- [~] 3. Bedrock client",
  "  - [X]* 3.4. Write property test",
  "    - **Property 1: Bedrock API Invocation**",
  "    - **Validates: Requirements 1.1, 5.5**",
  "- [ ] 5. Checkpoint - Ensure all tests pass, ask the user if questions arise.",
  "",
  "## Notes",
  "- Tasks marked with `*` are optional",
  "",
].join("\n");

describe("parseTasks", () => {
  const document = parseTasks(SAMPLE);
  const all = flattenTasks(document.tasks);

  it("builds the task tree from indentation", () => {
    expect(document.title).toBe("Implementation Plan");
    expect(document.tasks.map((task) => task.id)).toEqual(["1", "2", "3", "5"]);
    expect(document.tasks[1]?.children.map((task) => task.id)).toEqual(["2.1", "2.2"]);
    expect(document.tasks[2]?.children[0]?.depth).toBe(1);
  });

  it("reads every status marker and the optional mark", () => {
    expect(all.map((task) => [task.id, task.status, task.optional])).toEqual([
      ["1", "done", false],
      ["2", "in-progress", false],
      ["2.1", "done", false],
      ["2.2", "todo", true],
      ["3", "queued", false],
      ["3.4", "done", true],
      ["5", "todo", false],
    ]);
    expect(all.find((task) => task.id === "3.4")?.rawId).toBe("3.4.");
  });

  it("reads references, properties, metadata and checkpoints", () => {
    const first = all[0];
    expect(first?.references[0]?.references.ids).toEqual(["5.1", "5.2"]);
    expect(first?.details.map((detail) => detail.text)).toEqual([
      "- Create `scripts/` directory",
      "- _Requirements: 5.1, 5.2_",
    ]);
    const property = all.find((task) => task.id === "3.4");
    expect(property?.properties[0]).toMatchObject({ number: "1", title: "Bedrock API Invocation" });
    expect(property?.references[0]).toMatchObject({ kind: "validates" });
    expect(property?.references[0]?.references.ids).toEqual(["1.1", "5.5"]);
    expect(all.find((task) => task.id === "2.2")?.metadata).toMatchObject([
      { key: "Bug_Condition", value: "isBugCondition(x)" },
    ]);
    expect(all.filter((task) => task.checkpoint).map((task) => task.id)).toEqual(["5"]);
  });

  it("positions every task on its line and column", () => {
    const task = all.find((entry) => entry.id === "2.2");
    expect(task?.location).toMatchObject({ line: 10, column: 3 });
    expect(task?.markerLocation).toMatchObject({ line: 10, column: 6, endColumn: 7 });
    expect(SAMPLE.slice(task?.markerLocation.offset, task?.markerLocation.endOffset)).toBe(" ");
    expect(document.tasks[1]?.blockLocation).toMatchObject({ line: 8, endLine: 11 });
  });

  it("does not read checkboxes inside code fences as tasks", () => {
    const text = "- [ ] 1. Real\n\n```md\n- [ ] 2. Example\n```\n";
    expect(flattenTasks(parseTasks(text).tasks).map((task) => task.id)).toEqual(["1"]);
  });

  it("reads an unbulleted requirements line right under a task", () => {
    const text = "- [ ] 1. Task\n_Requirements: 2.1_\n\nParagraph\n";
    const [task] = parseTasks(text).tasks;
    expect(task?.references[0]?.references.ids).toEqual(["2.1"]);
    expect(task?.details).toHaveLength(1);
  });

  it("reports an unknown marker and does not read it as a task", () => {
    const document = parseTasks("- [?] 1. Odd\n- [ ] 2. Fine\n");
    expect(document.tasks.map((task) => task.id)).toEqual(["2"]);
    expect(document.diagnostics).toMatchObject([{ code: "tasks/unknown-marker", location: { line: 1, column: 3 } }]);
  });

  it("keeps CRLF, BOM and a missing final newline byte for byte", () => {
    const text = "\uFEFF# Plan\r\n- [ ] 1. One\r\n  - [x] 1.1 Sub\r\n- [ ] 2. Two";
    const document = parseTasks(text);
    expect(serializeDocument(document)).toBe(text);
    expect(flattenTasks(document.tasks).map((task) => task.id)).toEqual(["1", "1.1", "2"]);
    expect(document.tasks[0]?.location).toMatchObject({ line: 2, column: 1 });
  });

  it("handles lists nested a thousand deep (capped) and ten thousand tasks", () => {
    const deep = Array.from({ length: 1000 }, (_, depth) => `${"  ".repeat(depth)}- [ ] ${depth + 1}. Level`).join(
      "\n",
    );
    const deepDocument = parseTasks(deep);
    expect(flattenTasks(deepDocument.tasks)).toHaveLength(1000);
    expect(flattenTasks(deepDocument.tasks).at(-1)?.depth).toBe(MAX_TASK_DEPTH);
    const wide = Array.from({ length: 10_000 }, (_, index) => `- [x] ${index + 1}. Task`).join("\n");
    expect(parseTasks(wide).tasks).toHaveLength(10_000);
  });
});

describe("localized detail labels", () => {
  it("reads Chinese validates and property lines", () => {
    const text = "- [ ]* 2.2 属性测试\n  - **属性 1：API 客户端**\n  - **验证需求：需求 1.3, 1.4**\n";
    const [task] = parseTasks(text).tasks;
    expect(task?.properties).toMatchObject([{ number: "1", title: "API 客户端" }]);
    expect(task?.references).toMatchObject([{ kind: "validates", references: { ids: ["1.3", "1.4"] } }]);
  });
});

describe("parseTasks on arbitrary text (property-based)", () => {
  it("never throws and serializes back byte for byte", async () => {
    const fc = (await import("fast-check")).default;
    const piece = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        "- [ ] 1. A",
        "  - [x]* 1.1 B",
        "\t- [~] 2.",
        "- [-] ",
        "```",
        "# T",
        "_Requirements: 1.1_",
        "\r",
        "\r\n",
        "\uFEFF",
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("\n");
        const document = parseTasks(text);
        expect(serializeDocument(document)).toBe(text);
        for (const task of flattenTasks(document.tasks)) {
          expect(text.slice(task.markerLocation.offset, task.markerLocation.endOffset)).toBe(task.marker);
        }
      }),
      { numRuns: 300 },
    );
  });
});
