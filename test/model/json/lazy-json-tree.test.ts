import fc from "fast-check";
import { parseTree } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { jsonPathLocation } from "../../../src/model/json/index.js";
import { parseJsonText } from "../../../src/model/json/parse-json.js";
import { parseSpecConfig } from "../../../src/model/settings/parse-spec-config.js";

const STRICT = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false };

describe("the syntax tree of plain JSON, built on first use", () => {
  it("is the tree the tolerant parser builds, with no diagnostics and the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const parsed = parseJsonText(text);
        expect(parsed.diagnostics).toEqual([]);
        expect(parsed.value).toEqual(JSON.parse(text));
        expect(parsed.root).toEqual(parseTree(text, [], STRICT));
      }),
      { numRuns: 200 },
    );
  });

  it("survives being copied into a document and still places a diagnostic", () => {
    const text = '{\n  "specId": "a",\n  "workflowType": "sideways",\n  "specType": "feature"\n}\n';
    const document = parseSpecConfig(text);
    const copy = { ...document };

    expect(document.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["spec-config-unknown-workflow"]);
    expect(document.diagnostics[0]?.location.line).toBe(3);
    expect(jsonPathLocation(copy, ["specType"]).line).toBe(4);
    expect(copy.root).toEqual(parseTree(text, [], STRICT));
  });

  it("is not used for text JSON.parse refuses: comments and trailing commas keep their diagnostics", () => {
    expect(parseJsonText('{"a": 1,}').diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["json-syntax"]);
    expect(parseJsonText('{"a": 1} // note').diagnostics).toHaveLength(1);
    expect(parseJsonText('\uFEFF{"a": 1}').diagnostics).toEqual([]);
    expect(parseJsonText('\uFEFF{"a": 1}').root?.offset).toBe(1);
  });
});
