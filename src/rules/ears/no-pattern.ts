import { defineRule, type Finding } from "../rule.js";
import { eachCriterion } from "./each-criterion.js";
import { isLocalizedSentence } from "./localized-sentence.js";
import { quoteText } from "./quote-text.js";
import { sourceSpan } from "./source-span.js";

/** A precondition keyword in capitals: written that way, it is meant as EARS syntax, not prose. */
const CAPITAL_KEYWORD = /(?<![\p{L}\p{N}_])(WHEN|IF|WHILE|WHERE)(?![\p{L}\p{N}_])/gu;
/** A cheap test for a capital keyword somewhere after a SHALL, before the exact one. */
const KEYWORD_AFTER_SHALL = /[Ss][Hh][Aa][Ll][Ll][\s\S]*(?:WHEN|IF|WHILE|WHERE)/;
/** What may precede the sentence in the raw text: indentation, the list marker, bold or italics. */
const LEAD = /^[\s>]*(?:[-*+]\s+|\d+(?:\.\d+)*[.)]?\s+)?(?:\*\*|__|\*|_)?\s*/;

export const noPattern = defineRule({
  id: "ears/no-pattern",
  family: "ears",
  severity: "warning",
  summary: "A criterion has SHALL but does not follow an EARS pattern (preconditions first, then THE <System> SHALL).",
  fix: "Put preconditions before the system and its response: `WHEN <trigger>, THE <System> SHALL <response>`.",
  check(workspace) {
    const findings: Finding[] = [];
    for (const { file, document, criterion } of eachCriterion(workspace)) {
      const { ears } = criterion;
      if (!ears.hasShall) continue;
      // Every shape below leaves the subject unknown or has a keyword after SHALL.
      if (ears.subject !== undefined && !KEYWORD_AFTER_SHALL.test(criterion.text)) continue;
      const span = sourceSpan(document.source, criterion.location);
      const shalls = span.shalls;
      const shallIndex = shalls[0];
      if (shallIndex === undefined) continue;
      const preamble = span.masked.slice(0, shallIndex).replace(LEAD, "").trim();
      if (preamble === "" || /^(?:\*\*|__)?$/.test(preamble)) {
        findings.push({
          file,
          location: span.locate(shallIndex, shallIndex + "shall".length),
          message: `Criterion ${criterion.id} names no system before SHALL: ${quoteText(criterion.text)}.`,
          fix: "Say which system responds: `THE <System> SHALL …`.",
        });
        continue;
      }
      if (ears.clauses.length > 0 && ears.subject === undefined && !isLocalizedSentence(preamble)) {
        const keyword = ears.clauses.at(-1)?.keyword.toUpperCase() ?? "WHEN";
        findings.push({
          file,
          location: span.locate(shallIndex, shallIndex + "shall".length),
          message: `Criterion ${criterion.id} has no \`THE <System>\` between its ${keyword} clause and SHALL: ${quoteText(criterion.text)}.`,
          fix: `Name the system after the precondition: \`${keyword} <…>, THE <System> SHALL …\`.`,
        });
        continue;
      }
      // Only after the last SHALL: a keyword before a later SHALL opens a second sentence ("…; IF x, THE S
      // SHALL y"), which ears/multiple-responses reports.
      const lastShall = shalls.at(-1) ?? shallIndex;
      CAPITAL_KEYWORD.lastIndex = lastShall;
      const late = CAPITAL_KEYWORD.exec(span.masked);
      const word = late?.[1];
      if (late && word) {
        const start = late.index;
        findings.push({
          file,
          location: span.locate(start, start + word.length),
          message: `Criterion ${criterion.id} puts ${word === "IF" ? "an" : "a"} ${word} clause after SHALL, where EARS expects only the response: ${quoteText(criterion.text)}.`,
          fix: `Move the ${word} clause to the front (\`${word} <…>, THE <System> SHALL <response>\`), or split it into its own criterion.`,
        });
      }
    }
    return findings;
  },
});
