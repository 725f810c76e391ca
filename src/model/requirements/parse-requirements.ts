import { classifyEars } from "../ears/classify-ears.js";
import { findSections, type MarkdownLine, type MarkdownSection, scanMarkdown } from "../markdown/scan-markdown.js";
import type { Diagnostic } from "../source/diagnostic.js";
import { lineLocation, linesLocation, splitSourceText } from "../source/source-text.js";
import { parseGlossary } from "./parse-glossary.js";
import { findUserStory } from "./parse-user-story.js";
import { findDocumentTitle, readDocumentSection } from "./read-document-section.js";
import { type ListedItem, readListItems } from "./read-list-items.js";
import { parseRequirementHeading, type RequirementHeading } from "./requirement-heading.js";
import type { Criterion, Requirement, RequirementsDocument } from "./requirements-types.js";
import {
  isAcceptanceCriteriaLabelLine,
  isAcceptanceCriteriaTitle,
  isGlossaryTitle,
  isIntroductionTitle,
  plainLabel,
  userStoryLabelLength,
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
  let headed = sections.flatMap((section) => {
    const heading = section.level < 2 ? undefined : parseRequirementHeading(section.title);
    return heading ? [{ section, heading }] : [];
  });
  if (headed.length === 0) headed = requirementsByShape(lines, sections, diagnostics);
  for (const { section, heading } of headed) {
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

  // Every key in one literal (`undefined` where absent), in the order they always had: one shape for every
  // document in V8; JSON leaves the undefined ones out.
  return { kind: "requirements", source, diagnostics, title, introduction, glossary, requirements };
}

/** `Anforderung 3: Export`: a word (or a few) the vocabulary does not know, then a number. */
const UNKNOWN_LABEL =
  /^([\p{L}][\p{L}\p{M}]*(?:\s[\p{L}\p{M}]+){0,2})\s*#?\s*(\d+[a-z]?)(?![\w.])\s*(?:[:：.\-—–)]\s*(.*))?$/u;

/**
 * Without a single known requirement heading, headings that share one unknown label followed by a number
 * (`### Anforderung 1`, `### Anforderung 2`) are read as requirements when at least two of them hold a list
 * of criteria; an info names the label so it can be added to the vocabulary.
 */
function requirementsByShape(
  lines: readonly MarkdownLine[],
  sections: readonly MarkdownSection[],
  diagnostics: Diagnostic[],
): { section: MarkdownSection; heading: RequirementHeading }[] {
  const byLabel = new Map<string, { section: MarkdownSection; heading: RequirementHeading }[]>();
  for (const section of sections) {
    if (section.level < 2) continue;
    const match = UNKNOWN_LABEL.exec(plainLabel(section.title));
    const label = match?.[1];
    const id = match?.[2];
    if (!label || !id) continue;
    const title = (match[3] ?? "").trim();
    const key = `${section.level}\u0000${label.toLowerCase()}`;
    const list = byLabel.get(key) ?? [];
    list.push({ section, heading: title ? { id, title } : { id } });
    byLabel.set(key, list);
  }
  let best: { section: MarkdownSection; heading: RequirementHeading }[] = [];
  for (const list of byLabel.values()) {
    const withCriteria = list.filter(({ section }) => holdsCriteriaList(lines, section));
    if (withCriteria.length >= 2 && list.length > best.length) best = list;
  }
  const first = best[0];
  const firstLine = first ? lines[first.section.headingIndex]?.line : undefined;
  if (first && firstLine) {
    const label = UNKNOWN_LABEL.exec(plainLabel(first.section.title))?.[1] ?? "";
    diagnostics.push({
      code: "requirements/unknown-requirement-label",
      severity: "info",
      message: `"${label}" is not a requirement label Specwright knows, but ${best.length} headings "${label} N" hold criteria lists, so they are read as requirements.`,
      fix: "Write `### Requirement N: Title` (or its translation); to teach Specwright the label, add it to src/model/requirements/label-vocabulary.ts (see docs/labels.md).",
      location: lineLocation(firstLine),
    });
  }
  return best;
}

/** Whether a section holds a numbered list or an EARS list (directly or under a sub-heading). */
function holdsCriteriaList(lines: readonly MarkdownLine[], section: MarkdownSection): boolean {
  for (let index = section.headingIndex + 1; index < section.endIndex; index++) {
    const entry = lines[index];
    if (entry?.kind.type !== "list-item") continue;
    const items = readListItems(lines, index, section.endIndex);
    if (items.length === 0) continue;
    if (items.every((item) => item.rawNumber !== undefined)) return true;
    if (items.some((item) => /\bSHALL\b/.test(item.text))) return true;
    index = items.at(-1)?.lastIndex ?? index;
  }
  return false;
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
  const storyEnd = criteriaRanges[0]?.marker ?? section.endIndex;
  const found = findUserStory(lines, section.headingIndex + 1, storyEnd);

  const items: GroupedItem[] = [];
  if (criteriaRanges.length > 0) {
    for (const range of criteriaRanges) {
      for (const item of readListItems(lines, range.from, range.to)) items.push({ item, group: range.group });
    }
  } else {
    // No "Acceptance Criteria" marker: the list directly under the requirement holds its criteria, or
    // failing that a list under a sub-heading whose label is not in the vocabulary.
    const from = found ? found.lastIndex + 1 : section.headingIndex + 1;
    for (const item of readListItems(lines, from, section.endIndex)) items.push({ item, group: undefined });
    if (items.length === 0) {
      for (const range of findCriteriaRangesByShape(lines, section, heading.id, diagnostics)) {
        for (const item of readListItems(lines, range.from, range.to)) items.push({ item, group: range.group });
      }
    }
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
  // One shape for every requirement, as for the document.
  return {
    id: heading.id,
    title: heading.title,
    location,
    blockLocation: linesLocation(headingLine, lastLine),
    userStory: found?.story,
    criteria,
  };
}

/** A sub-group of criteria under the Acceptance Criteria heading: `##### 29a: Chain of Command`. */
interface CriteriaGroup {
  readonly id: string;
  readonly title?: string;
}

interface CriteriaRange {
  /** Index of the heading or label line that opens the criteria. */
  readonly marker: number;
  readonly from: number;
  readonly to: number;
  readonly group: CriteriaGroup | undefined;
}

interface GroupedItem {
  readonly item: ListedItem;
  readonly group: CriteriaGroup | undefined;
}

/** `29a: Chain of Command`, `48d. Title`, `Requirement 29a — Title`: a sub-group heading's id. */
const GROUP_ID = /^([A-Za-z]?\d+[a-z]*(?:\.\d+[a-z]*)*)(?![\w])\s*[:：.\-—–)]?\s*(.*)$/u;

function parseGroupHeading(title: string): CriteriaGroup | undefined {
  const labelled = parseRequirementHeading(title);
  if (labelled) return labelled;
  const match = GROUP_ID.exec(plainLabel(title));
  const id = match?.[1];
  if (!match || id === undefined) return undefined;
  const rest = (match[2] ?? "").trim();
  return rest ? { id, title: rest } : { id };
}

/**
 * Line ranges holding criteria: under each "Acceptance Criteria" heading, up to the next heading of its
 * level or above (deeper headings open sub-groups, `##### 29a: …`, numbered `29a.1`, …), or after a bold
 * `**Acceptance Criteria:**` line. Without a known label, a sub-heading followed by a numbered or EARS list
 * is read as the criteria by its shape, with an info naming the label so it can be added to the vocabulary.
 */
function findCriteriaRanges(lines: readonly MarkdownLine[], section: MarkdownSection): CriteriaRange[] {
  const ranges: CriteriaRange[] = [];
  for (let index = section.headingIndex + 1; index < section.endIndex; index++) {
    const entry = lines[index];
    if (!entry) continue;
    const kind = entry.kind;
    const isHeading = kind.type === "heading" && isAcceptanceCriteriaTitle(kind.title);
    if (!isHeading && !(kind.type === "text" && isAcceptanceCriteriaLabelLine(entry.line.text))) continue;
    // A bold label stands for a heading one level below the requirement's.
    const level = kind.type === "heading" ? kind.level : section.level + 1;
    index = addGroupedRanges(lines, index, level, section.endIndex, ranges);
  }
  return ranges;
}

/** Criteria under a sub-heading of unknown label, read by the shape of what follows it (with an info). */
function findCriteriaRangesByShape(
  lines: readonly MarkdownLine[],
  section: MarkdownSection,
  requirementId: string,
  diagnostics: Diagnostic[],
): CriteriaRange[] {
  const ranges: CriteriaRange[] = [];
  const byShape = findCriteriaByShape(lines, section);
  const entry = byShape === undefined ? undefined : lines[byShape];
  if (byShape !== undefined && entry?.kind.type === "heading") {
    diagnostics.push({
      code: "requirements/unknown-criteria-label",
      severity: "info",
      message: `"${entry.kind.title}" is not a label Specwright knows, but the list under it reads as Requirement ${requirementId}'s acceptance criteria, so it is read as them.`,
      fix: "Name the heading `#### Acceptance Criteria` (or its translation); to teach Specwright a new label, add it to src/model/requirements/label-vocabulary.ts (see docs/labels.md).",
      location: lineLocation(entry.line),
    });
    addGroupedRanges(lines, byShape, entry.kind.level, section.endIndex, ranges);
  }
  return ranges;
}

/** Adds the ranges of one criteria block opened at `marker`; returns the index where the block ends (minus one). */
function addGroupedRanges(
  lines: readonly MarkdownLine[],
  marker: number,
  level: number,
  sectionEnd: number,
  ranges: CriteriaRange[],
): number {
  let from = marker + 1;
  let group: CriteriaGroup | undefined;
  let to = from;
  for (; to < sectionEnd; to++) {
    const kind = lines[to]?.kind;
    if (kind?.type !== "heading") continue;
    if (kind.level <= level) break;
    ranges.push({ marker, from, to, group });
    // A deeper heading without an id (`##### Errors`) keeps the requirement's numbering.
    group = parseGroupHeading(kind.title);
    from = to + 1;
  }
  ranges.push({ marker, from, to, group });
  return to - 1;
}

/** A sub-heading of the requirement whose content opens with a numbered list or a list of SHALL items. */
function findCriteriaByShape(lines: readonly MarkdownLine[], section: MarkdownSection): number | undefined {
  for (let index = section.headingIndex + 1; index < section.endIndex; index++) {
    const kind = lines[index]?.kind;
    if (kind?.type !== "heading" || kind.level <= section.level) continue;
    if (userStoryLabelLength(kind.title) !== undefined) continue;
    let next = index + 1;
    while (next < section.endIndex && lines[next]?.kind.type === "blank") next++;
    const items = readListItems(lines, next, section.endIndex);
    if (items.length === 0 || items[0]?.firstIndex !== next) continue;
    const numbered = items.every((item) => item.rawNumber !== undefined);
    const ears = items.filter((item) => /\bSHALL\b/.test(item.text)).length * 2 >= items.length;
    if (numbered || ears) return index;
  }
  return undefined;
}

function readCriteria(requirementId: string, grouped: readonly GroupedItem[], diagnostics: Diagnostic[]): Criterion[] {
  const criteria: Criterion[] = [];
  const seen = new Map<string, Criterion>();
  const positions = new Map<string, number>();
  for (const { item, group } of grouped) {
    const ownerId = group?.id ?? requirementId;
    const position = (positions.get(ownerId) ?? 0) + 1;
    positions.set(ownerId, position);
    // `2.3` is criterion 3 of requirement 2; a bullet is numbered by its position.
    const rawNumber = item.rawNumber;
    const dot = rawNumber === undefined ? -1 : rawNumber.lastIndexOf(".");
    const number = rawNumber === undefined ? position : Number(rawNumber.slice(dot + 1));
    const prefix = rawNumber === undefined || dot < 0 ? "" : rawNumber.slice(0, dot);
    if (prefix !== "" && prefix !== ownerId) {
      diagnostics.push({
        code: "requirements/criterion-number-mismatch",
        severity: "warning",
        message: `Criterion ${rawNumber} sits under ${group ? `group ${ownerId} of ` : ""}Requirement ${requirementId}; it is read as ${ownerId}.${number}.`,
        fix: `Renumber it ${ownerId}.${number}, or move it under Requirement ${prefix}.`,
        location: item.location,
      });
    }
    const id = `${ownerId}.${number}`;
    const { text, location } = item;
    const ears = classifyEars(text);
    // One literal with every key (`undefined` where absent): one shape for every criterion in V8, in the key
    // order criteria always had; JSON leaves the undefined ones out.
    const criterion: Criterion = { id, number, rawNumber, text, ears, location, group: group?.id };
    const earlier = seen.get(id);
    if (earlier) {
      diagnostics.push({
        code: "requirements/duplicate-criterion",
        severity: "warning",
        message: `Criterion ${criterion.id} appears twice (first on line ${earlier.location.line}), so references to it are ambiguous.`,
        fix: "Number the criteria of a requirement 1, 2, 3, … without repeats.",
        location: item.location,
      });
    } else {
      seen.set(id, criterion);
    }
    criteria.push(criterion);
  }
  return criteria;
}
