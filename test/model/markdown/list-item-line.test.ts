import { describe, expect, it } from "vitest";
import { isThematicBreakLine, readListItemLine } from "../../../src/model/markdown/list-item-line.js";

/** The regexes the hand-written readers replace; they must agree on every line. */
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;
const THEMATIC_BREAK = /^[-*_]([ \t]*[-*_]){2,}[ \t]*$/;

function byRegex(text: string): unknown {
  const item = LIST_ITEM.exec(text);
  if (!item) return undefined;
  const leading = item[1] ?? "";
  const marker = item[2] ?? "-";
  return {
    leadingLength: leading.length,
    marker,
    contentIndex: leading.length + marker.length + (item[3] ?? "").length,
    content: item[4] ?? "",
    thematic: THEMATIC_BREAK.test(text.trim()),
  };
}

function byHand(text: string): unknown {
  const item = readListItemLine(text);
  if (!item) return undefined;
  const first = text.charCodeAt(item.leadingLength);
  const thematic = (first === 45 || first === 42) && isThematicBreakLine(text, item.leadingLength);
  return { ...item, thematic };
}

describe("readListItemLine", () => {
  it("reads bullets and numbered items", () => {
    expect(readListItemLine("  - [ ] 1.1 Task")).toEqual({
      leadingLength: 2,
      marker: "-",
      contentIndex: 4,
      content: "[ ] 1.1 Task",
    });
    expect(readListItemLine("12) item")?.marker).toBe("12)");
    expect(readListItemLine("1234567890. item")).toBeUndefined();
    expect(readListItemLine("-item")).toBeUndefined();
  });

  it("agrees with the list item and thematic break regexes on short lines", () => {
    const alphabet = [" ", "\t", "-", "*", "_", "+", "1", ".", ")", "a", "\u00a0", "\u2028"];
    const disagreements: string[] = [];
    const visit = (text: string, depth: number): void => {
      if (JSON.stringify(byHand(text)) !== JSON.stringify(byRegex(text))) disagreements.push(JSON.stringify(text));
      if (depth === 0) return;
      for (const piece of alphabet) visit(text + piece, depth - 1);
    };
    visit("", 6);
    for (const prefix of ["123456789", "1234567890", "  - ", "* * "]) visit(prefix, 3);
    expect(disagreements.slice(0, 20)).toEqual([]);
  });
});
