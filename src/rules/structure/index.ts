import type { Rule } from "../rule.js";
import { bugfixClauseGroupMismatch } from "./bugfix-clause-group-mismatch.js";
import { bugfixMissingSection } from "./bugfix-missing-section.js";
import { criterionNumberMismatch } from "./criterion-number-mismatch.js";
import { duplicateId } from "./duplicate-id.js";
import { noRequirements } from "./no-requirements.js";
import { requirementWithoutCriteria } from "./requirement-without-criteria.js";
import { skippedId } from "./skipped-id.js";
import { staleWaves } from "./stale-waves.js";
import { tasksWithoutRequirements } from "./tasks-without-requirements.js";
import { tooDeepTasks } from "./too-deep-tasks.js";
import { unfilledPlaceholder } from "./unfilled-placeholder.js";
import { unknownCriteriaLabel } from "./unknown-criteria-label.js";
import { unknownFile } from "./unknown-file.js";
import { unknownTaskMarker } from "./unknown-task-marker.js";

/**
 * Shape of spec folders and documents: ids, sections, files. Each parser diagnostic of the spec documents
 * has exactly one home here (duplicates in `structure/duplicate-id`, a missing criteria list in
 * `structure/requirement-without-criteria`, the rest in a rule named after it).
 */
export const structureRules: readonly Rule[] = [
  requirementWithoutCriteria,
  noRequirements,
  duplicateId,
  skippedId,
  criterionNumberMismatch,
  unknownTaskMarker,
  tasksWithoutRequirements,
  unknownFile,
  bugfixMissingSection,
  bugfixClauseGroupMismatch,
  unfilledPlaceholder,
  unknownCriteriaLabel,
  tooDeepTasks,
  staleWaves,
];
