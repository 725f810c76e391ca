import { defineRule } from "../rule.js";
import { eachBugfixClause } from "./each-bugfix-clause.js";
import { isLocalizedSentence } from "./localized-sentence.js";
import { quoteText } from "./quote-text.js";
import { sourceSpan } from "./source-span.js";

const CONTINUE_TO = /(?<![\p{L}\p{N}_])shall\s+continue\s+to(?![\p{L}\p{N}_])/iu;

/** 3.x clauses guard behaviour that works today; SHALL CONTINUE TO says so, and tests can check it. */
export const bugfixUnchangedMissingContinue = defineRule({
  id: "bugfix/unchanged-missing-continue",
  family: "bugfix",
  severity: "warning",
  summary: "An unchanged-behaviour (3.x) clause of a bugfix spec lacks SHALL CONTINUE TO.",
  fix: "Write what must keep working as `WHEN <trigger> THEN the system SHALL CONTINUE TO <behaviour>`.",
  *check(workspace) {
    for (const { file, document, clause } of eachBugfixClause(workspace)) {
      if (clause.group !== "unchanged" || isLocalizedSentence(clause.text)) continue;
      const span = sourceSpan(document.source, clause.location);
      if (CONTINUE_TO.test(span.masked)) continue;
      const shall = span.shalls[0];
      yield {
        file,
        location: shall === undefined ? clause.location : span.locate(shall, shall + "shall".length),
        message: `Unchanged-behaviour clause ${clause.id} has no SHALL CONTINUE TO: ${quoteText(clause.text)}.`,
        fix:
          shall === undefined
            ? "State the behaviour that must keep working: `THEN the system SHALL CONTINUE TO <behaviour>`."
            : "Write SHALL CONTINUE TO, so the clause reads as behaviour that works today and must not change.",
      };
    }
  },
});
