import { defineRule } from "../rule.js";
import { eachBugfixClause } from "./each-bugfix-clause.js";
import { isLocalizedSentence } from "./localized-sentence.js";
import { quoteText } from "./quote-text.js";

export const bugfixExpectedMissingShall = defineRule({
  id: "bugfix/expected-missing-shall",
  family: "bugfix",
  severity: "warning",
  summary: "An expected-behaviour (2.x) clause of a bugfix spec has no SHALL, so it states no requirement.",
  fix: "Write the correct behaviour as `WHEN <trigger> THEN the system SHALL <response>`.",
  *check(workspace) {
    for (const { file, clause } of eachBugfixClause(workspace)) {
      if (clause.group !== "expected" || clause.ears.hasShall || isLocalizedSentence(clause.text)) continue;
      yield {
        file,
        location: clause.location,
        message: `Expected-behaviour clause ${clause.id} has no SHALL: ${quoteText(clause.text)}.`,
      };
    }
  },
});
