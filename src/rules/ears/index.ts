import type { Rule } from "../rule.js";
import { bugfixCurrentHasShall } from "./bugfix-current-has-shall.js";
import { bugfixExpectedMissingShall } from "./bugfix-expected-missing-shall.js";
import { bugfixUnchangedMissingContinue } from "./bugfix-unchanged-missing-continue.js";
import { missingShall } from "./missing-shall.js";
import { multipleResponses } from "./multiple-responses.js";
import { noPattern } from "./no-pattern.js";
import { undefinedSubject } from "./undefined-subject.js";
import { vagueTerm } from "./vague-term.js";

/** EARS form of requirements.md criteria, and of bugfix.md clauses (family `bugfix`). */
export const earsRules: readonly Rule[] = [
  missingShall,
  noPattern,
  vagueTerm,
  multipleResponses,
  undefinedSubject,
  bugfixCurrentHasShall,
  bugfixExpectedMissingShall,
  bugfixUnchangedMissingContinue,
];
