import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTasksMeta } from "../../../src/model/settings/parse-tasks-meta.js";
import { formatWaves, readStoredWaves, setStoredWaves } from "../../../src/model/settings/tasks-meta-waves.js";

const HISTORY = `{
    "executionHistory": {
        "1. Setup": [ { "runId": "r1", "status": "success" } ]
    },
    "pbtResults": {"1.2 Property": {"status":"passed"}}
}
`;

const edited = (text: string | undefined, waves: string[][]) => {
  const edit = setStoredWaves(text, waves);
  if (!edit.ok) throw new Error(edit.reason);
  return edit;
};

describe("setStoredWaves", () => {
  it("writes a new file in Kiro's format when there is none", () => {
    const edit = edited(undefined, [["1", "2"], ["3"]]);
    expect(edit.text).toBe('{\n  "waves": [["1", "2"], ["3"]]\n}\n');
    expect(JSON.parse(edit.text)).toEqual({ waves: [["1", "2"], ["3"]] });
  });

  it("adds waves after the other keys, every byte of them kept, in the file's own indentation", () => {
    const edit = edited(HISTORY, [["1"], ["2", "3"]]);
    const cut = edit.text.indexOf(',\n    "waves"');
    expect(cut).toBeGreaterThan(0);
    // Everything before the new key is the file as it was, up to its last value.
    expect(edit.text.slice(0, cut)).toBe(HISTORY.slice(0, HISTORY.lastIndexOf("}", HISTORY.length - 3) + 1));
    expect(edit.text.endsWith('"waves": [["1"], ["2", "3"]]\n}\n')).toBe(true);
    expect(JSON.parse(edit.text)).toEqual({ ...JSON.parse(HISTORY), waves: [["1"], ["2", "3"]] });
  });

  it("replaces existing waves in place and leaves the rest of the file byte for byte", () => {
    const before = `{"waves":[\n  ["1"],\n  ["2"]\n],\r\n\t"executionHistory": {"2. B": []}}`;
    const edit = edited(before, [["1", "2"]]);
    expect(edit.text).toBe(`{"waves":[["1", "2"]],\r\n\t"executionHistory": {"2. B": []}}`);
    expect(edit.changed).toBe(true);
  });

  it("reports no change when the file already holds the waves, and keeps a byte-order mark", () => {
    const text = `\uFEFF{\n  "waves": [["1"], ["2"]]\n}\n`;
    const edit = edited(text, [["1"], ["2"]]);
    expect(edit).toEqual({ ok: true, text, changed: false });
    expect(edited(text, [["1", "2"]]).text).toBe(`\uFEFF{\n  "waves": [["1", "2"]]\n}\n`);
  });

  it("adds waves to an empty object", () => {
    expect(JSON.parse(edited("{}\n", [["1"]]).text)).toEqual({ waves: [["1"]] });
  });

  it("keeps every other key's value and bytes, whatever the file holds and however it is indented", () => {
    const ids = fc.array(fc.array(fc.stringMatching(/^[1-9](\.[1-9])?$/), { minLength: 1, maxLength: 3 }), {
      maxLength: 4,
    });
    const others = fc.dictionary(
      fc.string().filter((key) => key !== "waves" && key !== "__proto__"),
      fc.jsonValue(),
      { maxKeys: 5 },
    );
    fc.assert(
      fc.property(others, fc.constantFrom(0, 2, 4, "\t"), ids, (value, indent, waves) => {
        const text = `${JSON.stringify(value, null, indent)}\n`;
        const edit = edited(text, waves);
        expect(JSON.parse(edit.text)).toEqual({ ...JSON.parse(text), waves });
        const kept = text.slice(0, text.lastIndexOf("}")).trimEnd();
        expect(edit.text.startsWith(kept)).toBe(true);
        expect(readStoredWaves(JSON.parse(edit.text))).toEqual(waves);
      }),
    );
  });

  it("refuses a file that is not a JSON object rather than rewrite it", () => {
    expect(setStoredWaves("{not json", [["1"]])).toEqual({ ok: false, reason: "tasks.meta.json is not valid JSON" });
    expect(setStoredWaves("[1, 2]", [["1"]])).toEqual({ ok: false, reason: "tasks.meta.json is not a JSON object" });
  });
});

describe("readStoredWaves", () => {
  it("reads both of Kiro's forms, ids as strings", () => {
    expect(readStoredWaves({ waves: [["1", 2], ["3"]] })).toEqual([["1", "2"], ["3"]]);
    expect(
      readStoredWaves({
        waves: [
          { id: 0, tasks: ["1.1", "1.2"] },
          { id: 1, tasks: ["2.1"] },
        ],
      }),
    ).toEqual([["1.1", "1.2"], ["2.1"]]);
    expect(readStoredWaves({ executionHistory: {} })).toBeUndefined();
    expect(readStoredWaves("waves")).toBeUndefined();
  });

  it("is what parseTasksMeta exposes, and formatWaves writes what it reads", () => {
    const document = parseTasksMeta(`{"waves": ${formatWaves([["1", "2"], ["3"]])}, "executionHistory": {}}`);
    expect(document.diagnostics).toEqual([]);
    expect(document.waves).toEqual([["1", "2"], ["3"]]);
    expect(parseTasksMeta(HISTORY).waves).toBeUndefined();
  });
});
