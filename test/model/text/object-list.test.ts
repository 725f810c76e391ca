import { describe, expect, it } from "vitest";
import { objectList } from "../../../src/model/text/object-list.js";

describe("objectList", () => {
  it("is a new empty array each time, which takes objects like any array", () => {
    const first = objectList<{ id: number }>();
    const second = objectList<{ id: number }>();
    expect(first).toEqual([]);
    expect(first).not.toBe(second);
    first.push({ id: 1 });
    expect(first).toEqual([{ id: 1 }]);
    expect(second).toEqual([]);
    expect(JSON.stringify(second)).toBe("[]");
  });
});
