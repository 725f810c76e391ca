import { defineRule } from "../rule.js";
import { eachBugfixClause } from "./each-bugfix-clause.js";
import { quoteText } from "./quote-text.js";
import { sourceSpan } from "./source-span.js";

/** 1.x clauses describe what happens now; a SHALL there reads as a requirement to keep the defect. */
export const bugfixCurrentHasShall = defineRule({
  id: "bugfix/current-has-shall",
  family: "bugfix",
  severity: "warning",
  summary: "A current-behaviour (1.x) clause of a bugfix spec uses SHALL; it should describe the defect as it is.",
  fix: "Describe what happens now without SHALL: `WHEN <trigger> THEN the system <does the wrong thing>`.",
  *check(workspace) {
    for (const { file, document, clause } of eachBugfixClause(workspace)) {
      if (clause.group !== "current" || !clause.ears.hasShall) continue;
      const span = sourceSpan(document.source, clause.location);
      const shall = span.shalls[0];
      // A "shall" only inside a quoted example ("the error says 'you shall not pass'") is not a SHALL.
      if (shall === undefined) continue;
      yield {
        file,
        location: span.locate(shall, shall + "shall".length),
        message: `Current-behaviour clause ${clause.id} uses SHALL, but it should describe the defect: ${quoteText(clause.text)}.`,
        fix: "State what the system does now (`THEN the system <wrong behaviour>`); put the required behaviour in a 2.x clause.",
      };
    }
  },
});
