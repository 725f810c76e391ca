import type { Rule } from "../rule.js";
import { conflictingWrites } from "./conflicting-writes.js";
import { fileVersion } from "./file-version.js";
import { invalidMatcher } from "./invalid-matcher.js";
import { invalidPattern } from "./invalid-pattern.js";
import { jsonSyntax } from "./json-syntax.js";
import { legacyFormat } from "./legacy-format.js";
import { missingField } from "./missing-field.js";
import { patternMatchesNothing } from "./pattern-matches-nothing.js";
import { unknownAction } from "./unknown-action.js";
import { unknownTrigger } from "./unknown-trigger.js";

export const hooksRules: readonly Rule[] = [
  jsonSyntax,
  missingField,
  fileVersion,
  unknownTrigger,
  unknownAction,
  invalidPattern,
  invalidMatcher,
  legacyFormat,
  patternMatchesNothing,
  conflictingWrites,
];
