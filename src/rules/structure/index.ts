import type { Rule } from "../rule.js";

export const structureRules: readonly Rule[] = [];
