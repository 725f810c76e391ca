import { describe, expect, it } from "vitest";
import { isWhitespaceCode, isWordCode, skipSpacesAndTabs } from "../../../src/model/text/whitespace.js";

describe("character tests", () => {
  it("agree with \\s (and so with trim) and \\w on every UTF-16 code unit", () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      if (isWhitespaceCode(code) !== /\s/.test(character)) disagreements.push(`\\s U+${code.toString(16)}`);
      if (isWordCode(code) !== /\w/.test(character)) disagreements.push(`\\w U+${code.toString(16)}`);
    }
    expect(disagreements).toEqual([]);
    expect(isWhitespaceCode(Number.NaN)).toBe(false);
    expect(isWordCode(Number.NaN)).toBe(false);
  });

  it("skips spaces and tabs only", () => {
    expect(skipSpacesAndTabs(" \t x")).toBe(3);
    expect(skipSpacesAndTabs("  ")).toBe(2);
    expect(skipSpacesAndTabs("\u00a0x")).toBe(0);
    expect(skipSpacesAndTabs("a  b", 1)).toBe(3);
  });
});
