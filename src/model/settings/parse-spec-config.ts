import { parseJsonDocument } from "../json/parse-json-document.js";
import { parsePlainSpecConfig, type SpecConfigDocument, specConfigDocument } from "./spec-config-document.js";
import { SpecConfigSchema } from "./spec-config-schema.js";

export type { SpecConfigDocument } from "./spec-config-document.js";

export function parseSpecConfig(text: string): SpecConfigDocument {
  return (
    parsePlainSpecConfig(text) ??
    specConfigDocument(
      parseJsonDocument(text, SpecConfigSchema, {
        code: "spec-config-invalid-shape",
        fix: 'Write `{"specId": "…", "workflowType": "requirements-first", "specType": "feature"}`.',
      }),
    )
  );
}
