import { defineRule, type Finding } from "../rule.js";
import { eachCriterion } from "./each-criterion.js";
import { quoteText } from "./quote-text.js";
import { sourceSpan } from "./source-span.js";

const NOT = /^\s+not(?![\p{L}\p{N}_])/iu;
/** A cheap test before the exact one: most criteria have a single SHALL. */
const TWO_SHALLS = /shall[\s\S]*shall/i;

/**
 * Only a second SHALL counts: "SHALL validate the name and the email" is one response with a compound
 * object, while "SHALL save the draft and SHALL notify the user" is two requirements that a task can meet
 * one without the other. A SHALL NOT beside a single positive response ("SHALL mark it deleted and SHALL
 * NOT remove it physically") draws the boundary of that one behaviour, as Kiro itself writes it, and is
 * not counted.
 */
export const multipleResponses = defineRule({
  id: "ears/multiple-responses",
  family: "ears",
  severity: "warning",
  summary: "A criterion states two responses (two positive SHALLs), so it cannot be traced or verified as one.",
  fix: "Split it into one criterion per SHALL, each with its own number.",
  check(workspace) {
    const findings: Finding[] = [];
    for (const { file, document, criterion } of eachCriterion(workspace)) {
      if (!TWO_SHALLS.test(criterion.text)) continue;
      const span = sourceSpan(document.source, criterion.location);
      const shalls = span.shalls;
      const positive = shalls.filter((index) => !NOT.test(span.masked.slice(index + "shall".length)));
      const second = positive[1];
      if (second === undefined) continue;
      findings.push({
        file,
        location: span.locate(second, second + "shall".length),
        message: `Criterion ${criterion.id} has ${shalls.length} SHALLs, so it states more than one response: ${quoteText(criterion.text)}.`,
        fix: `Split it into one criterion per SHALL, so tasks and tests can refer to each.`,
      });
    }
    return findings;
  },
});
