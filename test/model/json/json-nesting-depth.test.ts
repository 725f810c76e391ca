import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "../../../src/model/json/json-nesting-depth.js";
import { parseJsonText } from "../../../src/model/json/parse-json.js";

const nested = (depth: number, open = "[", close = "]") => `${open.repeat(depth)}${close.repeat(depth)}`;

describe("parseJsonText on deeply nested JSON", () => {
  it.each([
    ["arrays", "[", "]"],
    ["objects", '{"a":', "}"],
  ])("refuses 100,000 levels of %s with a diagnostic instead of overflowing the stack", (_label, open, close) => {
    const text = open === "[" ? nested(100_000) : `${open.repeat(100_000)}1${close.repeat(100_000)}`;

    const json = parseJsonText(text);

    expect(json.value).toBeUndefined();
    expect(json.diagnostics).toEqual([
      expect.objectContaining({
        code: "json-syntax",
        severity: "error",
        message: `The JSON nests deeper than ${MAX_JSON_DEPTH} levels here; it is not read.`,
        location: expect.objectContaining({ line: 1, column: MAX_JSON_DEPTH * open.length + 1 }),
      }),
    ]);
  });

  it("reads exactly the maximum depth, and does not count brackets in strings or comments", () => {
    expect(parseJsonText(nested(MAX_JSON_DEPTH)).diagnostics).toEqual([]);
    const inStrings = `{"a": "${"[".repeat(10_000)}\\"${"{".repeat(10_000)}" /* ${"[".repeat(10_000)} */}`;
    const json = parseJsonText(inStrings, { allowComments: true });
    expect(json.diagnostics).toEqual([]);
    expect(json.value).toEqual({ a: `${"[".repeat(10_000)}"${"{".repeat(10_000)}` });
  });

  it("refuses one level more than the maximum", () => {
    expect(parseJsonText(nested(MAX_JSON_DEPTH + 1)).diagnostics).toHaveLength(1);
  });
});
