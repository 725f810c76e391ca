import { classifyEars } from "../ears/classify-ears.js";
import { findSections, type MarkdownSection, scanMarkdown } from "../markdown/scan-markdown.js";
import { findDocumentTitle, readDocumentSection } from "../requirements/read-document-section.js";
import { readListItems } from "../requirements/read-list-items.js";
import { isIntroductionTitle } from "../requirements/section-titles.js";
import { lastContentIndex } from "../requirements/span-location.js";
import type { Diagnostic } from "../source/diagnostic.js";
import { lineLocation, linesLocation, splitSourceText } from "../source/source-text.js";
import { bugfixGroupOfTitle, GROUP_HEADING, GROUP_NUMBER } from "./bugfix-section-title.js";
import { BUGFIX_GROUPS, type BugfixClause, type BugfixDocument, type BugfixSection } from "./bugfix-types.js";

/** For each section, the index (into `sections`) of the nearest earlier heading of a higher level, or -1. */
function parentHeadings(sections: readonly MarkdownSection[]): number[] {
  const parents: number[] = [];
  const stack: number[] = [];
  sections.forEach((section, position) => {
    while (stack.length > 0 && (sections[stack.at(-1) ?? 0]?.level ?? 0) >= section.level) stack.pop();
    parents.push(stack.at(-1) ?? -1);
    stack.push(position);
  });
  return parents;
}

/**
 * Reads a bugfix.md: the defect (1.x), the expected behaviour (2.x) and the behaviour that must not change
 * (3.x). Clauses are the numbered paragraphs (`1.1 WHEN …`) or list items under each section heading. Never
 * throws; only problems a user would want to fix become diagnostics.
 */
export function parseBugfix(text: string): BugfixDocument {
  const source = splitSourceText(text);
  const lines = scanMarkdown(source);
  const headingSections = findSections(lines);
  const diagnostics: Diagnostic[] = [];
  const title = findDocumentTitle(lines);
  const introductionSection = headingSections.find(
    (section) => section.level <= 2 && isIntroductionTitle(section.title),
  );
  const introduction = introductionSection ? readDocumentSection(lines, introductionSection) : undefined;

  const sections: BugfixSection[] = [];
  const clauses: BugfixClause[] = [];
  const seen = new Map<string, BugfixClause>();
  // The bug analysis is the sibling headings under one parent: a `### Preservation …` heading under a later
  // `## Bug Condition Derivation` section is not a fourth group, and its bullets are not clauses.
  const parents = parentHeadings(headingSections);
  let analysisParent: number | undefined;
  headingSections.forEach((section, position) => {
    const group = bugfixGroupOfTitle(section.title);
    const headingLine = lines[section.headingIndex]?.line;
    const lastLine = lines[lastContentIndex(lines, section.headingIndex, section.endIndex)]?.line;
    if (!group || !headingLine || !lastLine) return;
    const parent = parents[position] ?? -1;
    analysisParent ??= parent;
    if (parent !== analysisParent) return;
    sections.push({
      group,
      title: section.title,
      location: lineLocation(headingLine),
      blockLocation: linesLocation(headingLine, lastLine),
    });
    const groupNumber = GROUP_NUMBER[group];
    readListItems(lines, section.headingIndex + 1, section.endIndex).forEach((item, position) => {
      const parts = item.rawNumber?.split(".") ?? [];
      const number = parts.length > 0 ? Number(parts.at(-1)) : position + 1;
      const prefix = parts.slice(0, -1).join(".");
      const id = `${groupNumber}.${number}`;
      if (prefix !== "" && prefix !== groupNumber) {
        diagnostics.push({
          code: "bugfix/clause-group-mismatch",
          severity: "warning",
          message: `Clause ${item.rawNumber} sits under "${section.title}", whose clauses are numbered ${groupNumber}.x; it is read as ${id}.`,
          fix: `Renumber it ${id}, or move it to the section its number belongs to.`,
          location: item.location,
        });
      }
      const clause: BugfixClause = {
        id,
        group,
        number,
        ...(item.rawNumber !== undefined ? { rawNumber: item.rawNumber } : {}),
        text: item.text,
        ears: classifyEars(item.text),
        location: item.location,
      };
      const earlier = seen.get(id);
      if (earlier) {
        diagnostics.push({
          code: "bugfix/duplicate-clause",
          severity: "warning",
          message: `Clause ${id} appears twice (first on line ${earlier.location.line}), so references to it are ambiguous.`,
          fix: `Number the clauses of this section ${groupNumber}.1, ${groupNumber}.2, … without repeats.`,
          location: item.location,
        });
      } else {
        seen.set(id, clause);
      }
      clauses.push(clause);
    });
  });

  const firstContent = lines.find((entry) => entry.kind.type !== "blank");
  if (firstContent) {
    for (const group of BUGFIX_GROUPS) {
      if (sections.some((section) => section.group === group)) continue;
      diagnostics.push({
        code: "bugfix/missing-section",
        severity: "warning",
        message: `The bug analysis has no "${GROUP_HEADING[group]}" section.`,
        fix: `Add a \`### ${GROUP_HEADING[group]}\` heading with clauses numbered ${GROUP_NUMBER[group]}.1, ${GROUP_NUMBER[group]}.2, ….`,
        location: lineLocation(firstContent.line),
      });
    }
  }

  return {
    kind: "bugfix",
    source,
    diagnostics,
    ...(title !== undefined ? { title } : {}),
    ...(introduction ? { introduction } : {}),
    sections,
    clauses,
  };
}

/** Whether a text has headings that may open a bug analysis: worth parsing it as one (requirements.md of a bugfix spec). */
export function mayHoldBugAnalysis(text: string): boolean {
  return /^#{1,6}[^\n]*(?:behaviou?r|行为|行為|動作|挙動|동작|comportamiento|comportamento)/im.test(text);
}
