import { driftRules } from "./drift/index.js";
import { earsRules } from "./ears/index.js";
import { leftoverTemporary } from "./files/leftover-temporary.js";
import { unreadableFile } from "./files/unreadable-file.js";
import { hooksRules } from "./hooks/index.js";
import type { Rule } from "./rule.js";
import { settingsRules } from "./settings/index.js";
import { unknownDisableRule } from "./settings/unknown-disable-rule.js";
import { steeringRules } from "./steering/index.js";
import { structureRules } from "./structure/index.js";
import { traceabilityRules } from "./traceability/index.js";

/** Every rule `check` runs, in report order of families. */
export const ALL_RULES: readonly Rule[] = [
  unreadableFile,
  leftoverTemporary,
  ...earsRules,
  ...structureRules,
  ...traceabilityRules,
  ...driftRules,
  ...steeringRules,
  ...hooksRules,
  ...settingsRules,
  unknownDisableRule(() => ALL_RULES.map((rule) => rule.id)),
];
