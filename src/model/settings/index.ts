export { type McpServer, McpServerSchema, type McpSettings, McpSettingsSchema } from "./mcp-settings-schema.js";
export { type McpServerEntry, type McpSettingsDocument, parseMcpSettings } from "./parse-mcp-settings.js";
export { parseSpecConfig, type SpecConfigDocument } from "./parse-spec-config.js";
export { parseTasksMeta, type TasksMetaDocument } from "./parse-tasks-meta.js";
export {
  SPEC_TYPES,
  SPEC_WORKFLOW_TYPES,
  type SpecConfig,
  SpecConfigSchema,
  type SpecType,
  type SpecWorkflowType,
} from "./spec-config-schema.js";
export { type TasksMeta, TasksMetaSchema, TasksMetaWaveSchema } from "./tasks-meta-schema.js";
export {
  formatWaves,
  readStoredWaves,
  type StoredWaves,
  type StoredWavesEdit,
  setStoredWaves,
} from "./tasks-meta-waves.js";
