import { describe, expect, it } from "vitest";
import { matchPropertyLine, mayOpenProperty } from "../../../src/model/design/property-line.js";

describe("the first-letter check before a property line's regex", () => {
  it.each([
    ["**Property 1: Counts requests**", "1"],
    ["_Property 2_: Rejects excess", "2"],
    ["***property 3: lower case***", "3"],
    ["**属性 4：标题**", "4"],
    ["プロパティ 5: タイトル", "5"],
    ["속성 6: 제목", "6"],
  ])("lets %s through to the regex", (text, number) => {
    expect(mayOpenProperty(text, 0)).toBe(true);
    expect(matchPropertyLine(text)?.number).toBe(number);
  });

  it("rules out prose and four emphasis marks, from the given start", () => {
    expect(mayOpenProperty("The limiter counts requests", 0)).toBe(false);
    expect(mayOpenProperty("****Property 1: too much emphasis", 0)).toBe(false);
    expect(matchPropertyLine("****Property 1: too much emphasis")).toBeUndefined();
    expect(mayOpenProperty("   Property 7: indented", 3)).toBe(true);
  });
});
