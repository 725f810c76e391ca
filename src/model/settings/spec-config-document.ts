import { jsonPathLocation } from "../json/json-path-location.js";
import { parseJsonText } from "../json/parse-json.js";
import { extendJsonDocument, type JsonDocument, jsonDocument } from "../json/parse-json-document.js";
import type { Diagnostic } from "../source/diagnostic.js";
import { plainSpecConfigData } from "./plain-spec-config.js";
import type { SpecConfig } from "./spec-config-schema.js";
import { SPEC_TYPES, SPEC_WORKFLOW_TYPES, type SpecType, type SpecWorkflowType } from "./spec-config-values.js";

export interface SpecConfigDocument extends JsonDocument<SpecConfig> {
  readonly kind: "spec-config";
  readonly config: SpecConfig | undefined;
  /** `workflowType`, or the older `generationMode`, when it is a value Kiro knows. */
  readonly workflowType: SpecWorkflowType | undefined;
  /** `specType` when known; a config without one is a feature spec. */
  readonly specType: SpecType;
}

/**
 * A `.config.kiro` that is plain JSON with only the string fields Kiro writes, read without the schema (which
 * accepts every such file): `parseSpecConfig`'s document, or undefined for anything only the schema can judge.
 * Apart from the schema so that `check` loads zod only for a config that needs it.
 */
export function parsePlainSpecConfig(text: string): SpecConfigDocument | undefined {
  const document = plainSpecConfigDocument(text);
  return document && specConfigDocument(document);
}

/** The config document over a parsed `.config.kiro`: Kiro's workflow and spec type, unknown values reported. */
export function specConfigDocument(document: JsonDocument<SpecConfig>): SpecConfigDocument {
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
