import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ALL_RULES } from "../../src/rules/all-rules.js";
import { renderRulesDoc } from "../../src/rules/render-rules-doc.js";
import { RULE_BEHAVIOUR } from "../../src/rules/rule-behaviour.js";

describe("docs/rules.md", () => {
  it("documents every rule, as generated (run `npm run docs` after changing a rule)", async () => {
    const page = await readFile(new URL("../../docs/rules.md", import.meta.url), "utf8");
    expect(page).toBe(renderRulesDoc(ALL_RULES));
    for (const rule of ALL_RULES) expect(page).toContain(`\`${rule.id}\``);
  });

  it("says for every rule when it fires and when it does not", () => {
    for (const rule of ALL_RULES) {
      expect(RULE_BEHAVIOUR[rule.id], rule.id).toMatchObject({ fires: expect.any(String), quiet: expect.any(String) });
    }
    expect(Object.keys(RULE_BEHAVIOUR).sort()).toEqual(ALL_RULES.map((rule) => rule.id).sort());
  });

  it("gives every rule a unique id in its family's namespace", () => {
    const ids = ALL_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ALL_RULES) expect(rule.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
  });
});
