import type { Rule } from "../rule.js";

export const hooksRules: readonly Rule[] = [];
