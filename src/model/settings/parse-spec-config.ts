import { jsonPathLocation } from "../json/json-path-location.js";
import { parseJsonText } from "../json/parse-json.js";
import { extendJsonDocument, type JsonDocument, jsonDocument, parseJsonDocument } from "../json/parse-json-document.js";
import type { Diagnostic } from "../source/diagnostic.js";
import { plainSpecConfigData } from "./plain-spec-config.js";
import {
  SPEC_TYPES,
  SPEC_WORKFLOW_TYPES,
  type SpecConfig,
  SpecConfigSchema,
  type SpecType,
  type SpecWorkflowType,
} from "./spec-config-schema.js";

export interface SpecConfigDocument extends JsonDocument<SpecConfig> {
  readonly kind: "spec-config";
  readonly config: SpecConfig | undefined;
  /** `workflowType`, or the older `generationMode`, when it is a value Kiro knows. */
  readonly workflowType: SpecWorkflowType | undefined;
  /** `specType` when known; a config without one is a feature spec. */
  readonly specType: SpecType;
}

export function parseSpecConfig(text: string): SpecConfigDocument {
  const document =
    plainSpecConfigDocument(text) ??
    parseJsonDocument(text, SpecConfigSchema, {
      code: "spec-config-invalid-shape",
      fix: 'Write `{"specId": "…", "workflowType": "requirements-first", "specType": "feature"}`.',
    });
  const diagnostics: Diagnostic[] = [...document.diagnostics];
  const config = document.data;
  const workflowField = config?.workflowType !== undefined ? "workflowType" : "generationMode";
  const workflow = config?.[workflowField];
  if (workflow !== undefined && !isOneOf(workflow, SPEC_WORKFLOW_TYPES)) {
    diagnostics.push({
      code: "spec-config-unknown-workflow",
      severity: "warning",
      message: `Unknown ${workflowField} "${workflow}"; Kiro knows ${SPEC_WORKFLOW_TYPES.join(", ")}.`,
      fix: `Set "${workflowField}" to one of ${SPEC_WORKFLOW_TYPES.join(", ")}.`,
      location: jsonPathLocation(document, [workflowField]),
    });
  }
  const specType = config?.specType;
  if (specType !== undefined && !isOneOf(specType, SPEC_TYPES)) {
    diagnostics.push({
      code: "spec-config-unknown-spec-type",
      severity: "warning",
      message: `Unknown specType "${specType}"; Kiro knows ${SPEC_TYPES.join(", ")}.`,
      fix: `Set "specType" to "feature" or "bugfix".`,
      location: jsonPathLocation(document, ["specType"]),
    });
  }
  return extendJsonDocument(
    document,
    {
      kind: "spec-config",
      config,
      workflowType: workflow !== undefined && isOneOf(workflow, SPEC_WORKFLOW_TYPES) ? workflow : undefined,
      specType: specType !== undefined && isOneOf(specType, SPEC_TYPES) ? specType : "feature",
    },
    diagnostics,
  );
}

/** The document `parseJsonDocument` gives for a plain config, without running the schema over it. */
function plainSpecConfigDocument(text: string): JsonDocument<SpecConfig> | undefined {
  const json = parseJsonText(text);
  if (json.diagnostics.length > 0) return undefined;
  const data = plainSpecConfigData(json.value);
  if (data === undefined) return undefined;
  return jsonDocument(json, json.diagnostics, data);
}

function isOneOf<Value extends string>(value: string, values: readonly Value[]): value is Value {
  return (values as readonly string[]).includes(value);
}
