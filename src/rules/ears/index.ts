import type { Rule } from "../rule.js";

export const earsRules: readonly Rule[] = [];
