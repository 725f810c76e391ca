import { describe, expect, it } from "vitest";
import { extractMarkdownDocument } from "../../../src/engine/authoring/extract-markdown-document.js";

const DESIGN = "# Design Document\n\n## Architecture\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\nDone.\n";

describe("extractMarkdownDocument", () => {
  it("returns a bare document unchanged", () => {
    expect(extractMarkdownDocument(DESIGN)).toBe(DESIGN);
  });

  it("drops chatter before the title and a wrapping markdown fence, keeping inner fences", () => {
    const answer = `Sure! Here is the design:\n\n\`\`\`markdown\n${DESIGN}\`\`\`\n\nLet me know if you want changes.`;
    expect(extractMarkdownDocument(answer)).toBe(DESIGN);
  });

  it("drops a reasoning block", () => {
    expect(extractMarkdownDocument(`<think>\n# not this\n</think>\n${DESIGN}`)).toBe(DESIGN);
  });

  it("keeps a document whose wrapping fence was never closed", () => {
    expect(extractMarkdownDocument(`\`\`\`md\n${DESIGN}`)).toBe(DESIGN);
  });

  it("normalizes CRLF and ends with exactly one newline", () => {
    expect(extractMarkdownDocument("# Title\r\n\r\ntext\r\n\r\n\r\n")).toBe("# Title\n\ntext\n");
  });

  it.each([
    ["an empty answer", ""],
    ["a refusal", "I'm sorry, but I can't help with that."],
    ["JSON", '{"questions": []}'],
    ["a heading of the wrong level only", "## Introduction\n\ntext"],
  ])("finds no document in %s", (_what, answer) => {
    expect(extractMarkdownDocument(answer)).toBeUndefined();
  });
});
