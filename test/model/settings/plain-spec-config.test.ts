import { describe, expect, it } from "vitest";
import { parseJsonDocument } from "../../../src/model/json/parse-json-document.js";
import { parseSpecConfig } from "../../../src/model/settings/parse-spec-config.js";
import { plainSpecConfigData, plainSpecConfigFields } from "../../../src/model/settings/plain-spec-config.js";
import { SpecConfigSchema } from "../../../src/model/settings/spec-config-schema.js";

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

describe("plainSpecConfigData", () => {
  it("is what SpecConfigSchema outputs for plain values: the same fields, in the same order", () => {
    for (const text of TEXTS) {
      const value: unknown = JSON.parse(text.replace("\uFEFF", ""));
      const data = plainSpecConfigData(value);
      const parsed = SpecConfigSchema.safeParse(value);
      expect(parsed.success, text).toBe(true);
      expect(data, text).toStrictEqual(parsed.data);
      expect(Object.keys(data ?? {}), text).toStrictEqual(Object.keys(parsed.data ?? {}));
      expect(data, text).not.toBe(value);
    }
  });

  it("declines values only the schema can judge", () => {
    for (const text of DECLINED) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        continue;
      }
      expect(plainSpecConfigData(value), text).toBeUndefined();
    }
  });

  it("leaves parseSpecConfig's document as the schema path builds it", () => {
    for (const text of [...TEXTS, ...DECLINED, '{"specId":"a","extra":1}', '{"specType":"chore"}']) {
      const document = parseSpecConfig(text);
      const viaSchema = parseJsonDocument(text, SpecConfigSchema, { code: "spec-config-invalid-shape", fix: "" });
      expect(document.data, text).toStrictEqual(viaSchema.data);
      expect(JSON.stringify(document.data), text).toBe(JSON.stringify(viaSchema.data));
      expect(document.value, text).toStrictEqual(viaSchema.value);
      expect(document.root, text).toStrictEqual(viaSchema.root);
    }
  });
});
