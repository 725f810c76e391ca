import type { Rule } from "../rule.js";

export const steeringRules: readonly Rule[] = [];
