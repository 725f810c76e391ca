import type { Rule } from "../rule.js";
import { parentDoneChildOpen } from "./parent-done-child-open.js";
import { taskWithoutReference } from "./task-without-reference.js";
import { uncoveredCriterion } from "./uncovered-criterion.js";
import { unknownReference } from "./unknown-reference.js";

export const traceabilityRules: readonly Rule[] = [
  unknownReference,
  uncoveredCriterion,
  taskWithoutReference,
  parentDoneChildOpen,
];
