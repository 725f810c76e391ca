import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadDataFileParsers, withSpecConfigsOf } from "../../../src/engine/workspace-model/load-data-file-parsers.js";
import { parseSpecConfig } from "../../../src/model/settings/parse-spec-config.js";
import { parsePlainSpecConfig } from "../../../src/model/settings/spec-config-document.js";

const PLAIN = '{"specId":"67a5a0f5","workflowType":"requirements-first","specType":"feature"}';
const NOT_PLAIN = '{"specType":"bugfix","paths":["src/**"]}';

/** `.config.kiro` texts: Kiro's plain string fields, other fields and types, comments, broken JSON. */
const configText = fc.oneof(
  fc
    .record(
      {
        specId: fc.string(),
        workflowType: fc.constantFrom("requirements-first", "design-first", "fast-task", "sideways"),
        specType: fc.constantFrom("feature", "bugfix", "chore"),
        generationMode: fc.constantFrom("design-first", "x"),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }).map((value) => JSON.stringify(value)),
  fc.constantFrom(NOT_PLAIN, '{"workflowType": "design-first", // a comment\n}', "{", "", "[]"),
);

const configPath = (index: number) => `.kiro/specs/spec-${index}/.config.kiro`;

describe("withSpecConfigsOf", () => {
  it("gives parseSpecConfig's documents for every config of a part, in the order the model asks", async () => {
    const base = await loadDataFileParsers([]);
    await fc.assert(
      fc.asyncProperty(fc.array(configText, { maxLength: 6 }), async (texts) => {
        const files = texts.map((text, index) => ({ path: configPath(index), text }));
        const parsers = await withSpecConfigsOf(base, files);
        for (const text of texts) expect(parsers["spec-config"](text)).toEqual(parseSpecConfig(text));
      }),
      { numRuns: 60 },
    );
  });

  it("reads a plain config once and gives two specs with the same text documents of their own", async () => {
    const files = [
      { path: configPath(1), text: PLAIN },
      { path: configPath(2), text: PLAIN },
    ];
    const parsers = await withSpecConfigsOf(await loadDataFileParsers([]), files);
    const first = parsers["spec-config"](PLAIN);
    const second = parsers["spec-config"](PLAIN);
    expect(first).toEqual(parsePlainSpecConfig(PLAIN));
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });

  it("leaves the parsers as they are for a part without configs, and takes no config outside a spec folder", async () => {
    const base = await loadDataFileParsers([]);
    expect(await withSpecConfigsOf(base, [{ path: ".kiro/specs/a/requirements.md", text: "# R" }])).toBe(base);
    const nested = await withSpecConfigsOf(base, [{ path: ".kiro/specs/a/notes/.config.kiro", text: NOT_PLAIN }]);
    expect(nested).toBe(base);
    expect(() => nested["spec-config"](NOT_PLAIN)).toThrow("not loaded");
  });
});
