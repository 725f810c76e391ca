import { classifyEars } from "../ears/classify-ears.js";
import { findSections, type MarkdownLine, type MarkdownSection, scanMarkdown } from "../markdown/scan-markdown.js";
import type { Diagnostic } from "../source/diagnostic.js";
import { lineLocation, linesLocation, splitSourceText } from "../source/source-text.js";
import { parseGlossary } from "./parse-glossary.js";
import { findUserStory } from "./parse-user-story.js";
import { findDocumentTitle, readDocumentSection } from "./read-document-section.js";
import { type ListedItem, readListItems } from "./read-list-items.js";
import { parseRequirementHeading } from "./requirement-heading.js";
import type { Criterion, Requirement, RequirementsDocument } from "./requirements-types.js";
import {
  isAcceptanceCriteriaLabelLine,
  isAcceptanceCriteriaTitle,
  isGlossaryTitle,
  isIntroductionTitle,
} from "./section-titles.js";
import { lastContentIndex } from "./span-location.js";

/**
 * Reads a requirements.md: title, introduction, glossary, and each requirement with its user story and
 * acceptance criteria. Both Kiro generations and the heading variants found in real files are read. Never
 * throws: what is not understood stays in the text, and only problems a user would want to fix become
 * diagnostics.
 */
export function parseRequirements(text: string): RequirementsDocument {
  const source = splitSourceText(text);
  const lines = scanMarkdown(source);
  const sections = findSections(lines);
  const diagnostics: Diagnostic[] = [];

  const title = findDocumentTitle(lines);
  const introductionSection = sections.find((section) => section.level <= 2 && isIntroductionTitle(section.title));
  const introduction = introductionSection ? readDocumentSection(lines, introductionSection) : undefined;
  const glossarySection = sections.find((section) => section.level <= 3 && isGlossaryTitle(section.title));
  const glossary = glossarySection
    ? parseGlossary(lines, glossarySection.headingIndex + 1, glossarySection.endIndex)
    : [];

  const requirements: Requirement[] = [];
  const seen = new Map<string, Requirement>();
  for (const section of sections) {
    if (section.level < 2) continue;
    const heading = parseRequirementHeading(section.title);
    if (!heading) continue;
    const requirement = readRequirement(lines, section, heading, diagnostics);
    if (!requirement) continue;
    const earlier = seen.get(requirement.id);
    if (earlier) {
      diagnostics.push({
        code: "requirements/duplicate-requirement",
        severity: "warning",
        message: `Requirement ${requirement.id} appears twice (first on line ${earlier.location.line}), so references to it are ambiguous.`,
        fix: "Give each requirement its own number.",
        location: requirement.location,
      });
    } else {
      seen.set(requirement.id, requirement);
    }
    requirements.push(requirement);
  }

  if (requirements.length === 0 && lines.some((entry) => entry.kind.type !== "blank")) {
    const first = lines.find((entry) => entry.kind.type !== "blank");
    if (first) {
      diagnostics.push({
        code: "requirements/no-requirements",
        severity: "info",
        message: "No requirement headings were found, so no acceptance criteria can be referenced from tasks.",
        fix: "Write each requirement under a heading such as `### Requirement 1: Title`.",
        location: lineLocation(first.line),
      });
    }
  }

  return {
    kind: "requirements",
    source,
    diagnostics,
    ...(title !== undefined ? { title } : {}),
    ...(introduction ? { introduction } : {}),
    glossary,
    requirements,
  };
}

function readRequirement(
  lines: readonly MarkdownLine[],
  section: MarkdownSection,
  heading: { readonly id: string; readonly title?: string },
  diagnostics: Diagnostic[],
): Requirement | undefined {
  const headingLine = lines[section.headingIndex]?.line;
  const lastLine = lines[lastContentIndex(lines, section.headingIndex, section.endIndex)]?.line;
  if (!headingLine || !lastLine) return undefined;
  const location = lineLocation(headingLine);
  const criteriaRanges = findCriteriaRanges(lines, section);
  const storyEnd = criteriaRanges[0]?.from ?? section.endIndex;
  const found = findUserStory(lines, section.headingIndex + 1, storyEnd);

  let items: ListedItem[] = [];
  if (criteriaRanges.length > 0) {
    for (const range of criteriaRanges) items.push(...readListItems(lines, range.from, range.to));
  } else {
    // No "Acceptance Criteria" marker: the list directly under the requirement holds its criteria.
    const from = found ? found.lastIndex + 1 : section.headingIndex + 1;
    items = readListItems(lines, from, section.endIndex);
  }

  const criteria = readCriteria(heading.id, items, diagnostics);
  if (criteria.length === 0) {
    diagnostics.push({
      code: "requirements/no-criteria",
      severity: "info",
      message: `Requirement ${heading.id} has no acceptance criteria list, so nothing in it can be traced or verified.`,
      fix: "Add a `#### Acceptance Criteria` heading followed by a numbered list of SHALL statements.",
      location,
    });
  }
  return {
    id: heading.id,
    ...(heading.title !== undefined ? { title: heading.title } : {}),
    location,
    blockLocation: linesLocation(headingLine, lastLine),
    ...(found ? { userStory: found.story } : {}),
    criteria,
  };
}

/**
 * Line ranges holding criteria: under each "Acceptance Criteria" heading (up to the next heading), or
 * after a bold `**Acceptance Criteria:**` line.
 */
function findCriteriaRanges(lines: readonly MarkdownLine[], section: MarkdownSection): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  for (let index = section.headingIndex + 1; index < section.endIndex; index++) {
    const entry = lines[index];
    if (!entry) continue;
    const marks =
      (entry.kind.type === "heading" && isAcceptanceCriteriaTitle(entry.kind.title)) ||
      (entry.kind.type === "text" && isAcceptanceCriteriaLabelLine(entry.line.text));
    if (!marks) continue;
    let to = index + 1;
    while (to < section.endIndex && lines[to]?.kind.type !== "heading") to++;
    ranges.push({ from: index + 1, to });
  }
  return ranges;
}

function readCriteria(requirementId: string, items: readonly ListedItem[], diagnostics: Diagnostic[]): Criterion[] {
  const criteria: Criterion[] = [];
  const seen = new Map<number, Criterion>();
  items.forEach((item, position) => {
    // `2.3` is criterion 3 of requirement 2; a bullet is numbered by its position.
    const rawNumber = item.rawNumber;
    const dot = rawNumber === undefined ? -1 : rawNumber.lastIndexOf(".");
    const number = rawNumber === undefined ? position + 1 : Number(rawNumber.slice(dot + 1));
    const prefix = rawNumber === undefined || dot < 0 ? "" : rawNumber.slice(0, dot);
    if (prefix !== "" && prefix !== requirementId) {
      diagnostics.push({
        code: "requirements/criterion-number-mismatch",
        severity: "warning",
        message: `Criterion ${rawNumber} sits under Requirement ${requirementId}; it is read as ${requirementId}.${number}.`,
        fix: `Renumber it ${requirementId}.${number}, or move it under Requirement ${prefix}.`,
        location: item.location,
      });
    }
    const id = `${requirementId}.${number}`;
    const { text, location } = item;
    const ears = classifyEars(text);
    // Two literals rather than a conditional spread: V8 builds these much faster, with the same key order.
    const criterion: Criterion =
      rawNumber !== undefined ? { id, number, rawNumber, text, ears, location } : { id, number, text, ears, location };
    const earlier = seen.get(number);
    if (earlier) {
      diagnostics.push({
        code: "requirements/duplicate-criterion",
        severity: "warning",
        message: `Criterion ${criterion.id} appears twice (first on line ${earlier.location.line}), so references to it are ambiguous.`,
        fix: "Number the criteria of a requirement 1, 2, 3, … without repeats.",
        location: item.location,
      });
    } else {
      seen.set(number, criterion);
    }
    criteria.push(criterion);
  });
  return criteria;
}
