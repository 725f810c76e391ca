import { describe, expect, it } from "vitest";
import { parseJsonText } from "../../../src/model/json/parse-json.js";
import { parseMcpSettings } from "../../../src/model/settings/parse-mcp-settings.js";
import { parseSpecwrightSettings } from "../../../src/model/settings/specwright-settings.js";

// The inputs of scripts/bench-json.mjs (about 1 MB each); here only what they yield is checked, not how fast.
const lines = (count: number, line: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => line(index)).join(",\n");

describe("about 1 MB of pathological JSON", () => {
  it("places each of 50,000 incomplete servers' diagnostics on its own key", () => {
    const text = `{\n  "mcpServers": {\n${lines(50_000, (index) => `    "server-${index}": {}`)}\n  }\n}\n`;

    const document = parseMcpSettings(text);

    const incomplete = document.diagnostics.filter((diagnostic) => diagnostic.code === "mcp-server-incomplete");
    expect(incomplete).toHaveLength(50_000);
    // Server i sits on line i + 3, its key from column 5.
    for (const index of [0, 1, 24_999, 49_999]) {
      expect(incomplete[index]?.message).toContain(`"server-${index}"`);
      expect(incomplete[index]?.location).toMatchObject({ line: index + 3, column: 5 });
    }
    expect(document.servers).toHaveLength(50_000);
  });

  it("reports each of 50,000 unknown keys of specwright.json at its line", () => {
    const text = `{\n${lines(50_000, (index) => `  "unknown-key-${index}": 1`)}\n}\n`;

    const unknown = parseSpecwrightSettings(text).diagnostics.filter((diagnostic) =>
      diagnostic.message.includes("unknown property"),
    );

    expect(unknown).toHaveLength(50_000);
    for (const index of [0, 31_337, 49_999]) {
      expect(unknown[index]?.message).toContain(`"unknown-key-${index}"`);
      expect(unknown[index]?.location).toMatchObject({ line: index + 2, column: 3 });
    }
  });

  it("gives one diagnostic per spot of 80,000 syntax errors, in order", () => {
    const text = `[${Array.from({ length: 80_000 }, () => '"abcdefghij"').join(" ")}]`;

    const diagnostics = parseJsonText(text).diagnostics;

    // A missing comma before every value but the first.
    expect(diagnostics).toHaveLength(79_999);
    const offsets = diagnostics.map((diagnostic) => diagnostic.location.offset);
    expect(new Set(offsets).size).toBe(offsets.length);
    expect(offsets[0]).toBe(14);
    expect(offsets.at(-1)).toBe(1 + 79_999 * 13);
  });

  it("locates a duplicated key at its last occurrence, as JSON.parse reads it", () => {
    const document = parseSpecwrightSettings('{\n  "x": 1,\n  "x": 2\n}\n');
    expect(document.diagnostics.map((diagnostic) => diagnostic.location.line)).toEqual([3]);
  });
});
