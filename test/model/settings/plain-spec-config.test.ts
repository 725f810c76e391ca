import { describe, expect, it } from "vitest";
import { parseSpecConfig } from "../../../src/model/settings/parse-spec-config.js";
import { plainSpecConfigFields } from "../../../src/model/settings/plain-spec-config.js";

const TEXTS: readonly string[] = [
  '{"specId":"67a5a0f5-ddff-49d4-836e-ebfdcc89279e","workflowType":"requirements-first","specType":"feature"}',
  '{"workflowType":"design-first","specType":"bugfix"}',
  '\uFEFF{"workflowType":"design-first"}',
  '{"generationMode":"design-first"}',
  '{"generationMode":"design-first","workflowType":"fast-task"}',
  '{"workflowType":"sideways","specType":"chore"}',
  '{"specType":"bugfix"}',
  "{}",
];

/** Texts only the full parser can judge: the fast reader must decline them rather than guess. */
const DECLINED: readonly string[] = [
  '{"workflowType": "design-first", // a comment\n}',
  '{"workflowType":"design-first",}',
  '{"workflowType":3}',
  '{"specType":"bugfix","paths":["src/**"]}',
  '{"specType":"bugfix","origin":"from-code"}',
  '{"__proto__":{"specType":"bugfix"}}',
  "[]",
  "null",
  "",
  "{",
];

describe("plainSpecConfigFields", () => {
  it("tells the spec type and workflow parseSpecConfig tells", () => {
    for (const text of TEXTS) {
      const full = parseSpecConfig(text);
      expect(plainSpecConfigFields(text), text).toStrictEqual({
        specType: full.config?.specType,
        workflowType: full.workflowType,
      });
    }
  });

  it("declines anything but plain JSON with Kiro's string fields", () => {
    for (const text of DECLINED) expect(plainSpecConfigFields(text), text).toBeUndefined();
  });
});
