import type { Rule } from "../rule.js";

export const settingsRules: readonly Rule[] = [];
