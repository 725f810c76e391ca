import { describe, expect, it } from "vitest";
import { replaceExact } from "../../../src/engine/agent-tools/replace-exact.js";

describe("replaceExact", () => {
  it("replaces one occurrence literally, $ patterns included", () => {
    expect(replaceExact("a = 1;\nb = 2;\n", "b = 2", "b = '$&$1'")).toEqual({
      ok: true,
      content: "a = 1;\nb = '$&$1';\n",
      replacements: 1,
    });
  });

  it("refuses a missing old_string", () => {
    expect(replaceExact("abc", "xyz", "q")).toEqual({ ok: false, reason: "missing", lines: [] });
  });

  it("refuses a repeated old_string and names the lines", () => {
    expect(replaceExact("x\ny\nx\nz x\n", "x", "w")).toEqual({ ok: false, reason: "not-unique", lines: [1, 3, 4] });
  });

  it("replaces every occurrence with replaceAll", () => {
    expect(replaceExact("x\ny\nx\n", "x", "w", true)).toEqual({ ok: true, content: "w\ny\nw\n", replacements: 2 });
  });

  it("refuses an empty or unchanged old_string", () => {
    expect(replaceExact("abc", "", "x")).toMatchObject({ ok: false, reason: "empty" });
    expect(replaceExact("abc", "b", "b")).toMatchObject({ ok: false, reason: "unchanged" });
  });

  it("matches LF text in a CRLF file and keeps CRLF", () => {
    expect(replaceExact("one\r\ntwo\r\nthree\r\n", "one\ntwo", "uno\ndos")).toEqual({
      ok: true,
      content: "uno\r\ndos\r\nthree\r\n",
      replacements: 1,
    });
  });
});
