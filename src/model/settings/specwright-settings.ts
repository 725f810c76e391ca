import { z } from "zod";
import { type JsonDocument, parseJsonDocument } from "../json/parse-json-document.js";

export const RULE_SEVERITY_SETTINGS = ["off", "info", "warning", "error"] as const;
export type RuleSeveritySetting = (typeof RULE_SEVERITY_SETTINGS)[number];

/** `.kiro/settings/specwright.json`: Specwright's own settings. Unknown keys are reported, not ignored. */
export const SpecwrightSettingsSchema = z
  .strictObject({
    $schema: z.string().optional().describe("A JSON schema URL for editors; ignored by Specwright."),
    rules: z
      .record(z.string(), z.enum(RULE_SEVERITY_SETTINGS))
      .optional()
      .describe('Per rule id, a severity or "off": { "ears/vague-term": "off" }.'),
  })
  .describe("Specwright's settings for this workspace.");

export type SpecwrightSettings = z.output<typeof SpecwrightSettingsSchema>;

export const DEFAULT_SPECWRIGHT_SETTINGS: SpecwrightSettings = { rules: {} };

export interface SpecwrightSettingsDocument extends JsonDocument<SpecwrightSettings> {
  readonly kind: "specwright-settings";
}

export function parseSpecwrightSettings(text: string): SpecwrightSettingsDocument {
  const document = parseJsonDocument(text, SpecwrightSettingsSchema, {
    code: "settings/specwright-schema",
    fix: 'Keep to `{"rules": {"<rule-id>": "off" | "info" | "warning" | "error"}}`; see docs/rules.md for rule ids.',
  });
  return { kind: "specwright-settings", ...document };
}
