import { isSpecWorkflowType, type SpecWorkflowType } from "./spec-config-values.js";

/** What `status` needs of a `.config.kiro`: the spec type it declares and the workflow, as `parseSpecConfig` tells them. */
export interface SpecConfigFields {
  readonly specType: string | undefined;
  readonly workflowType: SpecWorkflowType | undefined;
}

const BOM = "\uFEFF";

/** In the order of `SpecConfigSchema`'s shape, which is the order its parsed data holds them in. */
const STRING_FIELD_ORDER = ["specId", "workflowType", "specType", "generationMode"] as const;
const STRING_FIELDS: ReadonlySet<string> = new Set(STRING_FIELD_ORDER);

/** The string fields Kiro writes, as `SpecConfigSchema` outputs them (a new object, in the schema's order). */
export type PlainSpecConfigData = { [Field in (typeof STRING_FIELD_ORDER)[number]]?: string };

/**
 * A parsed `.config.kiro` value as `SpecConfigSchema.safeParse` would return it, when the value holds only the
 * string fields Kiro writes (which the schema always accepts); undefined for anything else, which only the
 * schema can judge. A thousand specs each have one: the schema's safeParse was a third of their parse time.
 */
export function plainSpecConfigData(value: unknown): PlainSpecConfigData | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const fields: Record<string, unknown> = value as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!STRING_FIELDS.has(key) || typeof fields[key] !== "string") return undefined;
  }
  const data: PlainSpecConfigData = {};
  for (const key of STRING_FIELD_ORDER) {
    const field = fields[key];
    if (typeof field === "string") data[key] = field;
  }
  return data;
}

/**
 * The fields of a `.config.kiro` that is plain JSON with only the string fields Kiro writes: its schema
 * accepts every such file, so the answer is `parseSpecConfig`'s without loading the schema. Undefined for
 * anything else (comments, other fields, other types, a syntax error), which the full parser must judge.
 */
export function plainSpecConfigFields(text: string): SpecConfigFields | undefined {
  let value: unknown;
  try {
    // As parseJsonText does: a BOM counts as white space.
    value = JSON.parse(text.startsWith(BOM) ? ` ${text.slice(1)}` : text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const fields: Record<string, unknown> = value as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!STRING_FIELDS.has(key) || typeof fields[key] !== "string") return undefined;
  }
  const workflowType = fields.workflowType !== undefined ? fields.workflowType : fields.generationMode;
  return {
    specType: typeof fields.specType === "string" ? fields.specType : undefined,
    workflowType: typeof workflowType === "string" && isSpecWorkflowType(workflowType) ? workflowType : undefined,
  };
}
