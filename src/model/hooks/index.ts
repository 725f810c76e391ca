export { globsToRegexSource, globToRegexSource } from "./glob-to-regex.js";
export {
  type HookFile,
  HookFileSchema,
  type HookV1,
  type HookV1Action,
  HookV1ActionSchema,
  HookV1Schema,
} from "./hook-file-schema.js";
export {
  classifyLegacyAction,
  classifyLegacyTrigger,
  HOOK_V1_ACTIONS,
  HOOK_V1_TRIGGERS,
  type HookV1ActionType,
  type HookV1Trigger,
  isHookV1ActionType,
  isHookV1Trigger,
  LEGACY_HOOK_ACTIONS,
  LEGACY_HOOK_DOCUMENTED_ACTIONS,
  LEGACY_HOOK_DOCUMENTED_TRIGGERS,
  LEGACY_HOOK_OBSERVED_ACTIONS,
  LEGACY_HOOK_OBSERVED_TRIGGERS,
  LEGACY_HOOK_TRIGGERS,
  type LegacyHookAction,
  type LegacyHookTrigger,
  type NameStatus,
} from "./hook-vocabulary.js";
export {
  type LegacyHook,
  LegacyHookSchema,
  type LegacyHookThen,
  LegacyHookThenSchema,
  type LegacyHookWhen,
  LegacyHookWhenSchema,
} from "./legacy-hook-schema.js";
export {
  LEGACY_TRIGGER_TO_V1,
  type LegacyHookMigration,
  migrateLegacyHook,
  toHookName,
} from "./migrate-legacy-hook.js";
export { HOOK_FILE_VERSION, type HookFileDocument, parseHookFile } from "./parse-hook-file.js";
export { type LegacyHookDocument, parseLegacyHook } from "./parse-legacy-hook.js";
