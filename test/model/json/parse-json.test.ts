import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import {
  formatJsonPath,
  jsonPathLocation,
  parseJsonDocument,
  parseJsonText,
  zodIssuesToDiagnostics,
} from "../../../src/model/json/index.js";

describe("parseJsonText", () => {
  it("reads a valid object and keeps the source", () => {
    const text = '{\n  "a": [1, {"b": true}],\n  "c": null\n}\n';
    const json = parseJsonText(text);
    expect(json.value).toEqual({ a: [1, { b: true }], c: null });
    expect(json.diagnostics).toEqual([]);
    expect(serializeDocument(json)).toBe(text);
  });

  it("reports a missing comma at its exact line and column", () => {
    const json = parseJsonText('{\n  "a": 1\n  "b": 2\n}');
    expect(json.diagnostics).toHaveLength(1);
    expect(json.diagnostics[0]).toMatchObject({
      code: "json-syntax",
      severity: "error",
      message: "Expected a comma.",
      location: { line: 3, column: 3, endLine: 3, endColumn: 6, offset: 13, endOffset: 16 },
    });
  });

  it("tolerates a BOM and keeps offsets on the original text", () => {
    const text = '\uFEFF{"a": 1,\r\n "b" 2}';
    const json = parseJsonText(text);
    expect(json.diagnostics.map((d) => d.message)).toEqual(["Expected a colon after the property name."]);
    const location = json.diagnostics[0]?.location;
    expect(location).toMatchObject({ line: 2, column: 6, offset: 16 });
    expect(text.slice(location?.offset, location?.endOffset)).toBe("2");
    expect(parseJsonText('\uFEFF{"a": 1}').diagnostics).toEqual([]);
    expect(parseJsonText('\uFEFF{"a": 1}').value).toEqual({ a: 1 });
  });

  it("rejects comments and trailing commas unless allowed", () => {
    const text = '{\n  // note\n  "a": 1,\n}';
    expect(parseJsonText(text).diagnostics.map((d) => d.message)).toEqual([
      "Comments are not allowed in JSON.",
      "Expected a property name in double quotes.",
    ]);
    expect(parseJsonText(text, { allowComments: true, allowTrailingComma: true }).diagnostics).toEqual([]);
  });

  it("reports an empty text and unterminated strings", () => {
    expect(parseJsonText("").diagnostics.map((d) => d.message)).toEqual(["Expected a value."]);
    expect(parseJsonText("").value).toBeUndefined();
    const unterminated = parseJsonText('{"a": "b');
    expect(unterminated.diagnostics.map((d) => d.message)).toContain("Unterminated string.");
  });

  it("keeps __proto__ as a plain key", () => {
    const json = parseJsonText('{"__proto__": {"polluted": true}}');
    expect(Object.keys(json.value as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never throws and always round-trips", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v, null, 2)),
        ),
        (text) => {
          const json = parseJsonText(text);
          expect(serializeDocument(json)).toBe(text);
          for (const diagnostic of json.diagnostics) {
            expect(diagnostic.location.offset).toBeGreaterThanOrEqual(0);
            expect(diagnostic.location.endOffset).toBeLessThanOrEqual(text.length);
          }
        },
      ),
    );
  });
});

describe("jsonPathLocation", () => {
  const text = '{\n  "hooks": [\n    {"name": "x", "action": {"type": 3}}\n  ]\n}';
  const json = parseJsonText(text);

  it("locates a value, its key and its property", () => {
    const value = jsonPathLocation(json, ["hooks", 0, "action", "type"]);
    expect(text.slice(value.offset, value.endOffset)).toBe("3");
    expect(value).toMatchObject({ line: 3, column: 38 });
    const key = jsonPathLocation(json, ["hooks", 0, "name"], "key");
    expect(text.slice(key.offset, key.endOffset)).toBe('"name"');
    const property = jsonPathLocation(json, ["hooks", 0, "name"], "property");
    expect(text.slice(property.offset, property.endOffset)).toBe('"name": "x"');
  });

  it("falls back to the deepest existing node for a missing path", () => {
    const location = jsonPathLocation(json, ["hooks", 0, "trigger"]);
    expect(text.slice(location.offset, location.endOffset)).toBe('{"name": "x", "action": {"type": 3}}');
    expect(jsonPathLocation(parseJsonText(""), ["a"])).toMatchObject({ line: 1, column: 1, offset: 0 });
  });
});

describe("zod issues as diagnostics", () => {
  const schema = z.strictObject({ name: z.string(), count: z.number().optional() });

  it("places wrong types on the value, missing fields on the object, unknown keys on the key", () => {
    const text = '{\n  "count": "3",\n  "extra": 1\n}';
    const json = parseJsonText(text);
    const result = schema.safeParse(json.value);
    expect(result.success).toBe(false);
    const diagnostics = zodIssuesToDiagnostics(result.error?.issues ?? [], json, { code: "x-shape" });
    const byMessage = Object.fromEntries(
      diagnostics.map((d) => [d.message, text.slice(d.location.offset, d.location.endOffset)]),
    );
    expect(byMessage).toEqual({
      '(root): required property "name" is missing.': text,
      "count: Invalid input: expected number, received string": '"3"',
      'extra: unknown property "extra".': '"extra"',
    });
    expect(diagnostics.every((d) => d.code === "x-shape" && d.severity === "error")).toBe(true);
  });

  it("parseJsonDocument checks the shape only on valid JSON", () => {
    expect(parseJsonDocument('{"name": "a"}', schema, { code: "x" }).data).toEqual({ name: "a" });
    const broken = parseJsonDocument('{"count": 1,', schema, { code: "x" });
    expect(broken.data).toBeUndefined();
    expect(broken.diagnostics.map((d) => d.code)).toEqual(["json-syntax"]);
  });

  it("formats paths", () => {
    expect(formatJsonPath([])).toBe("(root)");
    expect(formatJsonPath(["mcpServers", "AWS Doc", "args", 0])).toBe('mcpServers["AWS Doc"].args[0]');
  });
});
