import type { Criterion, RequirementsDocument } from "../../model/requirements/index.js";
import { defineRule, type Finding } from "../rule.js";
import type { WorkspaceModel } from "../workspace-model.js";
import { isLocalizedSentence } from "./localized-sentence.js";
import { quoteText } from "./quote-text.js";
import { sourceSpan } from "./source-span.js";

/** Words people write where EARS wants SHALL; the fix names the one to replace. */
const OTHER_MODAL = /(?<![\p{L}\p{N}_-])(must|should|will|may)(?![\p{L}\p{N}_-])/iu;
/** `[Condition 1]`, `<criterion>`: a template slot, which structure rules report as unfilled. */
const PLACEHOLDER = /^(?:\[[^\]]*\]|<[^>]*>|\{\{[^}]*\}\})$/;

export const missingShall = defineRule({
  id: "ears/missing-shall",
  family: "ears",
  severity: "warning",
  summary: "An acceptance criterion has no SHALL, so it does not state a requirement.",
  fix: "Rewrite the criterion in EARS form: `WHEN <trigger>, THE <System> SHALL <response>`.",
  check: (workspace) => missingShalls(workspace),
});

// Loops into one array rather than a generator over `flatMap` and `filter`: this runs over every criterion
// of a check, mostly before V8 optimizes it.
function missingShalls(workspace: WorkspaceModel): Finding[] {
  const findings: Finding[] = [];
  for (const spec of workspace.specs) {
    const file = spec.requirements;
    if (!file) continue;
    const without: Criterion[] = [];
    let anyShall = false;
    for (const requirement of file.document.requirements) {
      for (const criterion of requirement.criteria) {
        if (criterion.ears.hasShall) anyShall = true;
        // Written in another language, a criterion has its own modal verb (应当, しなければならない).
        else if (!PLACEHOLDER.test(criterion.text.trim()) && !isLocalizedSentence(criterion.text))
          without.push(criterion);
      }
    }
    const [first] = without;
    if (first === undefined) continue;
    if (without.length > 1 && !anyShall) {
      // A file that never uses SHALL is written in another style on purpose: one finding, not one per line.
      findings.push({
        file: file.path,
        location: first.location,
        message: `None of the ${without.length} acceptance criteria in this file uses SHALL, so none is in EARS form (first: ${quoteText(first.text, 60)}).`,
        fix: "Rewrite the criteria as EARS sentences (`WHEN <trigger>, THE <System> SHALL <response>`), or turn this rule off for the project in .kiro/settings/specwright.json.",
      });
      continue;
    }
    for (const criterion of without) findings.push(missingShallFinding(file.path, file.document, criterion));
  }
  return findings;
}

function missingShallFinding(file: string, document: RequirementsDocument, criterion: Criterion): Finding {
  const span = sourceSpan(document.source, criterion.location);
  const modal = OTHER_MODAL.exec(span.masked);
  const word = modal?.[1];
  return {
    file,
    location: modal && word ? span.locate(modal.index, modal.index + word.length) : criterion.location,
    message: `Criterion ${criterion.id} has no SHALL: ${quoteText(criterion.text)}.`,
    fix: word
      ? `Replace "${word}" with SHALL so the criterion states a requirement (\`THE <System> SHALL …\`).`
      : "Rewrite it in EARS form, for example `WHEN <trigger>, THE <System> SHALL <response>`.",
  };
}
