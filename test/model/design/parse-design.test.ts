import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDesign } from "../../../src/model/design/index.js";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";

function slice(text: string, location: { offset: number; endOffset: number } | undefined): string {
  return location ? text.slice(location.offset, location.endOffset) : "";
}

const design = `# Design Document

## Overview

Labels issues.

## Architecture

\`\`\`mermaid
graph TD
  A --> B
\`\`\`

## Correctness Properties

### Property 1: Classification Completeness

*For any* issue, the classifier returns a label
or an explicit failure.

**Validates: Requirements 1.1, 1.2**

### Property 2: Valid Label Assignment

*For any* classification result, all labels exist in the taxonomy

**Validates: Requirements 1.2, 1.3, 6.6**

## Testing Strategy

- Property 1: Classification Completeness
- Property 2: Valid Label Assignment
`;

describe("parseDesign", () => {
  it("reads sections, mermaid blocks and properties", () => {
    const document = parseDesign(design);
    expect(document.kind).toBe("design");
    expect(document.diagnostics).toEqual([]);
    expect(document.sections.map((s) => [s.level, s.title])).toEqual([
      [1, "Design Document"],
      [2, "Overview"],
      [2, "Architecture"],
      [2, "Correctness Properties"],
      [3, "Property 1: Classification Completeness"],
      [3, "Property 2: Valid Label Assignment"],
      [2, "Testing Strategy"],
    ]);
    const architecture = document.sections[2];
    expect(slice(design, architecture?.location)).toBe("## Architecture");
    expect(slice(design, architecture?.blockLocation)).toBe("## Architecture\n\n```mermaid\ngraph TD\n  A --> B\n```");
    expect(document.mermaidBlocks).toHaveLength(1);
    expect(document.mermaidBlocks[0]?.content).toBe("graph TD\n  A --> B");
    expect(document.mermaidBlocks[0]?.location).toMatchObject({ line: 9, endLine: 12 });

    expect(document.properties).toHaveLength(2);
    const [first, second] = document.properties;
    expect(first).toMatchObject({
      number: "1",
      title: "Classification Completeness",
      statement: "*For any* issue, the classifier returns a label\nor an explicit failure.",
      form: "heading",
      validates: { ids: ["1.1", "1.2"], all: false, unrecognized: [] },
      location: { line: 16, endLine: 21 },
    });
    expect(slice(design, first?.titleLocation)).toBe("Classification Completeness");
    expect(slice(design, first?.validates?.location)).toBe("**Validates: Requirements 1.1, 1.2**");
    expect(second?.validates?.ids).toEqual(["1.2", "1.3", "6.6"]);
    expect(serializeDocument(document)).toBe(design);
  });

  it("reads bold-paragraph, plain and localized properties", () => {
    const text = [
      "**Property 1: Counter increments**",
      "_For any_ category, the counter increments by 1",
      "**Validates: Requirements 1.2**",
      "",
      "Property 2: Fault Condition — Batch Create Uses collectionId",
      "",
      "_For any_ incremental sync, it SHALL pass collectionId.",
      "",
      "**Validates: Requirements 2.1**",
      "",
      "**属性 3：状态标签颜色映射**",
      "*对于任意*品牌，有效状态应该显示绿色标签",
      "**验证需求：需求 1.4, 1.5**",
      "",
      "**Property 4**: Generate random values",
      "**Requirements Reference**: 3.2, 3.3",
    ].join("\r\n");
    const document = parseDesign(text);
    expect(
      document.properties.map((p) => [p.number, p.title, p.form, p.statement ?? "", p.validates?.ids ?? []]),
    ).toEqual([
      ["1", "Counter increments", "paragraph", "_For any_ category, the counter increments by 1", ["1.2"]],
      [
        "2",
        "Fault Condition — Batch Create Uses collectionId",
        "paragraph",
        "_For any_ incremental sync, it SHALL pass collectionId.",
        ["2.1"],
      ],
      ["3", "状态标签颜色映射", "paragraph", "*对于任意*品牌，有效状态应该显示绿色标签", ["1.4", "1.5"]],
      ["4", "Generate random values", "paragraph", "", ["3.2", "3.3"]],
    ]);
    expect(slice(text, document.properties[2]?.titleLocation)).toBe("状态标签颜色映射");
    expect(document.properties[0]?.location).toMatchObject({ line: 1, endLine: 3 });
    expect(serializeDocument(document)).toBe(text);
  });

  it("uses a summary list only when the design has no property definitions", () => {
    const text =
      "## Testing\n\n1. **Property 1: Profile Detection** (Requirements 1.1, 1.2)\n2. **Property 2 (Avatar validity)**: Generate avatars\n";
    const document = parseDesign(text);
    expect(document.properties.map((p) => [p.number, p.title, p.form, p.validates?.ids])).toEqual([
      ["1", "Profile Detection", "list-item", ["1.1", "1.2"]],
      ["2", "Avatar validity", "list-item", undefined],
    ]);
    expect(slice(text, document.properties[0]?.validates?.location)).toBe("(Requirements 1.1, 1.2)");
  });

  it("ignores prose, code and property tests that only mention a property", () => {
    const text = [
      "### Property 1: Real",
      "*For any* x",
      "Property 1 holds because of the invariant.",
      "**属性测试 1：行选择状态切换**",
      "```ts",
      "test('Property 2: in code', () => {});",
      "```",
      "| Property 3 | table |",
      "### Property-Based Testing",
    ].join("\n");
    const document = parseDesign(text);
    expect(document.properties.map((p) => p.number)).toEqual(["1"]);
    expect(document.properties[0]?.validates).toBeUndefined();
  });

  it("drops remarks in parentheses from the references", () => {
    const document = parseDesign("### Property 1: A\n\n**Validates: Requirements 1 (implied from 2.3), 4.1**\n");
    expect(document.properties[0]?.validates).toMatchObject({ ids: ["1", "4.1"], unrecognized: [] });
  });

  it("reports a stray fence and still finds the properties after it", () => {
    const text =
      "| a | b |\n|---|---|\n```\n\n## Correctness Properties\n\n### Property 1: After\n\n**Validates: Requirements 1.1**\n\n```typescript\nconst x = 1;\n```\n";
    const document = parseDesign(text);
    expect(document.diagnostics).toMatchObject([
      { code: "markdown-fence-mismatch", severity: "warning", location: { line: 3, column: 1, endColumn: 4 } },
    ]);
    expect(document.properties.map((p) => p.title)).toEqual(["After"]);
    expect(document.sections.map((s) => s.title)).toEqual(["Correctness Properties", "Property 1: After"]);
  });

  it("reports an unclosed mermaid block and a missing closing fence", () => {
    const mermaid = parseDesign("# D\n```mermaid\ngraph TD\n");
    expect(mermaid.mermaidBlocks).toMatchObject([{ closed: false, content: "graph TD" }]);
    expect(mermaid.diagnostics.map((d) => [d.code, d.location.line])).toEqual([["design-unclosed-mermaid", 2]]);
    const missing = parseDesign("```python\nx = 1\n\n## Next\n\n```python\ny = 2\n```\n");
    expect(missing.diagnostics.map((d) => [d.code, d.location.line, d.message.endsWith("(see line 6)")])).toEqual([
      ["markdown-fence-mismatch", 1, true],
    ]);
  });

  it("never throws and round-trips any text", () => {
    const pieces = fc.constantFrom(
      "### Property 1: T\n",
      "**Property 2**: x\n",
      "**Validates: Requirements 1.1**\n",
      "- Property 3: y\n",
      "```\n",
      "```mermaid\n",
      "\r\n",
      "*For any* z\n",
      "## H\n",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        const document = parseDesign(text);
        expect(serializeDocument(document)).toBe(text);
        for (const property of document.properties) {
          expect(property.location.endOffset).toBeLessThanOrEqual(text.length);
          expect(property.titleLocation.offset).toBeGreaterThanOrEqual(property.location.offset);
        }
      }),
    );
  });
});
