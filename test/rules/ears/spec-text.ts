/** A requirements.md with one requirement holding these criteria (numbered 1., 2., …), as Kiro writes it. */
export function requirementsText(criteria: readonly string[], glossary: readonly string[] = []): string {
  const glossarySection =
    glossary.length > 0 ? `## Glossary\n\n${glossary.map((term) => `- **${term}**: a component\n`).join("")}\n` : "";
  return [
    "# Requirements Document\n\n",
    "## Introduction\n\nA feature.\n\n",
    glossarySection,
    "## Requirements\n\n",
    "### Requirement 1: Drafts\n\n",
    "**User Story:** As a writer, I want drafts, so that nothing is lost.\n\n",
    "#### Acceptance Criteria\n\n",
    criteria.map((criterion, index) => `${index + 1}. ${criterion}\n`).join(""),
  ].join("");
}

/** The 1-based line of criterion `number` in `requirementsText(criteria, glossary)`. */
export function criterionLine(text: string, number: number): number {
  return text.split("\n").findIndex((line) => line.startsWith(`${number}. `)) + 1;
}

export const REQUIREMENTS = ".kiro/specs/drafts/requirements.md";
export const BUGFIX = ".kiro/specs/drafts/bugfix.md";
export const TASKS = ".kiro/specs/drafts/tasks.md";

/** A bugfix.md with these clauses under the three sections. */
export function bugfixText(
  current: readonly string[],
  expected: readonly string[],
  unchanged: readonly string[],
): string {
  const clauses = (group: number, list: readonly string[]) =>
    list.map((clause, index) => `${group}.${index + 1} ${clause}\n\n`).join("");
  return [
    "# Bugfix Requirements Document\n\n",
    "## Introduction\n\nThe save button loses drafts.\n\n",
    "## Bug Analysis\n\n",
    "### Current Behavior (Defect)\n\n",
    clauses(1, current),
    "### Expected Behavior (Correct)\n\n",
    clauses(2, expected),
    "### Unchanged Behavior (Regression Prevention)\n\n",
    clauses(3, unchanged),
  ].join("");
}
