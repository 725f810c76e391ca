import { describe, expect, it } from "vitest";
import { containsPlaceholder, findPlaceholders, placeholder } from "../../src/model/templates/placeholder.js";

describe("placeholder", () => {
  it("writes the one syntax, dropping characters that would end it early", () => {
    expect(placeholder("the event that triggers the response")).toBe("<fill: the event that triggers the response>");
    expect(placeholder("a <b>\n c")).toBe("<fill: a b c>");
    expect(containsPlaceholder(placeholder("x"))).toBe(true);
    expect(containsPlaceholder("WHEN x THEN the system SHALL y")).toBe(false);
  });

  it("finds every placeholder at its exact line, column and offset", () => {
    const text = "# Title\n\n1. WHEN <fill: trigger>, THE <fill: System> SHALL <fill: response>\r\nplain\n";
    const found = findPlaceholders(text);
    expect(found.map((match) => match.hint)).toEqual(["trigger", "System", "response"]);
    const first = found[0];
    expect(first?.location).toEqual({ offset: 17, endOffset: 32, line: 3, column: 9, endLine: 3, endColumn: 24 });
    for (const match of found) {
      expect(text.slice(match.location.offset, match.location.endOffset)).toBe(match.text);
    }
  });

  it("counts a byte-order mark in offsets, not in columns", () => {
    const [match] = findPlaceholders("\uFEFF<fill: x>");
    expect(match?.location).toMatchObject({ offset: 1, column: 1, endColumn: 10 });
  });

  it("reads an empty hint and extra spaces", () => {
    expect(findPlaceholders("<fill:>  <fill:   spaced   >").map((match) => match.hint)).toEqual(["", "spaced"]);
  });

  it("leaves out placeholders quoted in code spans and fenced blocks", () => {
    const text = [
      "Write `<fill: hint>` to leave a gap, or ``a `<fill: x>` b``.",
      "```md",
      "<fill: inside a fence>",
      "```",
      "~~~",
      "<fill: inside a tilde fence>",
      "~~~",
      "After: <fill: real one>",
    ].join("\n");
    expect(findPlaceholders(text).map((match) => match.hint)).toEqual(["real one"]);
  });

  it("does not take look-alikes for placeholders", () => {
    const text = "<fill> <fillx: y> {{name}} [Feature Name] <fill: spans\nlines> `unclosed <fill: counts>";
    expect(findPlaceholders(text).map((match) => match.hint)).toEqual(["counts"]);
  });
});
