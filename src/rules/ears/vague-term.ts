import { defineRule, type Finding } from "../rule.js";
import { eachCriterion } from "./each-criterion.js";
import { findVagueTerms, mayHaveVagueTerm } from "./find-vague-terms.js";
import { sourceSpan } from "./source-span.js";

export const vagueTerm = defineRule({
  id: "ears/vague-term",
  family: "ears",
  severity: "warning",
  summary: "A criterion uses a vague or unverifiable word (should, may, fast, user-friendly, appropriate, as needed…).",
  fix: "Replace the word with something a test can check: SHALL, a number, a named value or an explicit condition.",
  check(workspace) {
    const findings: Finding[] = [];
    for (const { file, document, criterion } of eachCriterion(workspace)) {
      if (!mayHaveVagueTerm(criterion.text)) continue;
      const span = sourceSpan(document.source, criterion.location);
      for (const match of findVagueTerms(span.masked)) {
        if (match.group.modal && !criterion.ears.hasShall) continue;
        findings.push({
          file,
          location: span.locate(match.index, match.index + match.word.length),
          message: `Criterion ${criterion.id}: "${match.word}" is vague: ${match.group.why}.`,
          fix: match.group.fix,
        });
      }
    }
    return findings;
  },
});
