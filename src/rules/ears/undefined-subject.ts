import type { Criterion, RequirementsDocument } from "../../model/requirements/index.js";
import type { SourceLocation } from "../../model/source/source-location.js";
import { closestMatches } from "../../model/text/closest-matches.js";
import { defineRule, type Finding } from "../rule.js";
import type { WorkspaceModel } from "../workspace-model.js";
import { eachCriterion } from "./each-criterion.js";
import { glossaryNames, isDefined, normalizeName, SNAKE_CASE_NAME } from "./glossary-names.js";
import { sourceSpan } from "./source-span.js";

/**
 * Current Kiro output names each system in the Glossary and uses that name as the subject of its SHALL
 * sentences; a subject missing from the Glossary is usually a typo or a renamed component. Documents
 * without a Glossary (older Kiro output) write "the system" and are not checked. Each missing name is
 * reported once per file, at its first use: one Glossary entry fixes every use.
 */
export const undefinedSubject = defineRule({
  id: "ears/undefined-subject",
  family: "ears",
  severity: "warning",
  summary: "The Snake_Case subject of a criterion is not defined in the document's Glossary.",
  fix: "Add the term to the Glossary (`- **Term_Name**: what it is`), or use a name the Glossary defines.",
  check: (workspace) => undefinedSubjects(workspace),
});

interface UndefinedName {
  readonly file: string;
  readonly name: string;
  readonly criterionId: string;
  readonly location: SourceLocation;
  readonly glossary: readonly string[];
  uses: number;
}

interface DocumentGlossary {
  readonly names: Set<string>;
  readonly undefinedNames: Map<string, readonly string[]>;
}

// Small functions rather than one generator holding every step: V8 compiles the loop over every criterion
// once, instead of recompiling a large generator (each time an object of a new shape reaches it) with the
// rare steps, finding a subject's names and writing a finding, inlined into it.
function undefinedSubjects(workspace: WorkspaceModel): Finding[] {
  // Per document: the names its Glossary defines, and the undefined names of each subject seen so far
  // (the same few subjects are written in most criteria).
  const glossaries = new Map<object, DocumentGlossary>();
  const found = new Map<string, UndefinedName>();
  for (const { file, document, criterion } of eachCriterion(workspace)) {
    const subject = criterion.ears.subject;
    if (document.glossary.length === 0 || subject === undefined || !subject.includes("_")) continue;
    let glossary = glossaries.get(document);
    if (!glossary) {
      glossary = { names: glossaryNames(document.glossary), undefinedNames: new Map() };
      glossaries.set(document, glossary);
    }
    let undefinedNames = glossary.undefinedNames.get(subject);
    if (!undefinedNames) {
      undefinedNames = undefinedNamesOf(subject, glossary.names);
      glossary.undefinedNames.set(subject, undefinedNames);
    }
    if (undefinedNames.length > 0) recordUses(found, file, document, criterion, undefinedNames);
  }
  return [...found.values()].map(toFinding);
}

function undefinedNamesOf(subject: string, names: Set<string>): string[] {
  return [...subject.matchAll(SNAKE_CASE_NAME)]
    .filter((match) => !isCodeName(match[0], subject, match.index))
    .map((match) => match[0])
    .filter((name) => !isDefined(name, names));
}

/** Each undefined name where the criterion writes it before SHALL, first use per file kept, later ones counted. */
function recordUses(
  found: Map<string, UndefinedName>,
  file: string,
  document: RequirementsDocument,
  criterion: Criterion,
  undefinedNames: readonly string[],
): void {
  // Masked once for all the criterion's undefined names.
  const span = sourceSpan(document.source, criterion.location);
  for (const name of undefinedNames) {
    // Reported where it is written before SHALL; a name only inside backticks is code, not a subject.
    const index = lastWholeWordIndex(span.masked.slice(0, span.shalls[0] ?? span.masked.length), name);
    if (index === undefined) continue;
    const key = `${file}\u0000${normalizeName(name)}`;
    const earlier = found.get(key);
    if (earlier) {
      earlier.uses++;
      continue;
    }
    found.set(key, {
      file,
      name,
      criterionId: criterion.id,
      location: span.locate(index, index + name.length),
      glossary: document.glossary.map((term) => term.term),
      uses: 1,
    });
  }
}

function toFinding(entry: UndefinedName): Finding {
  const [suggestion] = closestMatches(entry.name, entry.glossary, 1);
  const others = entry.uses > 1 ? ` (the subject of ${entry.uses} criteria)` : "";
  return {
    file: entry.file,
    location: entry.location,
    message: `Criterion ${entry.criterionId}: the subject "${entry.name}"${others} is not defined in the Glossary.`,
    fix:
      suggestion !== undefined
        ? `Use the Glossary's name "${suggestion}", or add "${entry.name}" to the Glossary.`
        : `Add \`- **${entry.name}**: <what it is>\` to the Glossary.`,
  };
}

/**
 * A constant (`VALID_CATEGORIES`) or a piece of a file path or module (`src/config_loader.py`,
 * `app.user_store`) names code, not a component the Glossary should define.
 */
function isCodeName(name: string, text: string, index: number): boolean {
  if (/^[\p{Lu}\p{N}]+(?:_[\p{Lu}\p{N}]+)+$/u.test(name)) return true;
  const before = text[index - 1] ?? " ";
  const after = text.slice(index + name.length, index + name.length + 2);
  return before === "/" || before === "." || before === "\\" || /^[/\\]|^\.\p{L}/u.test(after);
}

function lastWholeWordIndex(text: string, word: string): number | undefined {
  let found: number | undefined;
  for (let index = text.indexOf(word); index !== -1; index = text.indexOf(word, index + 1)) {
    const before = text[index - 1] ?? " ";
    const after = text[index + word.length] ?? " ";
    if (!/[\p{L}\p{N}_]/u.test(before) && !/[\p{L}\p{N}_]/u.test(after)) found = index;
  }
  return found;
}
